/**
 * Where the tests and the benchmark find a real PostgreSQL server: the one `OFFBOARD_DATABASE_URL`
 * names, or a throwaway cluster started from the machine's binaries (Debian's `postgresql`,
 * installed with apt when missing and we are root), removed afterwards. `null` when neither is
 * possible (or `OFFBOARD_TEST_PGLITE=1` asks for the fallback): the caller runs on PGlite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Server {
  readonly url: string;
  /** Where it came from, for the summary. */
  readonly origin: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

function findBinaries(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

function installBinaries(): string | null {
  if (!isRoot() || spawnSync('which', ['apt-get']).status !== 0) return null;
  console.warn('[offboard/postgres] No PostgreSQL binaries: installing Debian\'s postgresql with apt-get (once per machine)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'postgresql']]) {
    if (spawnSync('apt-get', args, { stdio: 'ignore', env }).status !== 0) return null;
  }
  return findBinaries();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function runAsOwner(binary: string, args: string[]): void {
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, commandArgs, { stdio: 'pipe' });
}

async function startThrowawayCluster(bin: string): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'offboard-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres', dir]);
  else chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  runAsOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // Throwaway and loopback only: no fsync, a socket directory of its own, enough connections for parallel test files and the cross-process races.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    origin: `throwaway cluster (${bin}, port ${port})`,
    async stop() {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function startServer(): Promise<Server | null> {
  if (process.env.OFFBOARD_TEST_PGLITE === '1') return null;
  const given = process.env.OFFBOARD_DATABASE_URL;
  if (given) return { url: given, origin: 'OFFBOARD_DATABASE_URL', stop: async () => undefined };
  const bin = findBinaries() ?? installBinaries();
  return bin ? startThrowawayCluster(bin) : null;
}
