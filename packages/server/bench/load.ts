/**
 * `npm run load`: the Offboard server under mixed traffic at concurrency 50 on loopback, then
 * the organisation read back and its invariants checked. Prints the figures; exits 1 when a 5xx,
 * an unexpected answer or a broken invariant shows up (speed goals are reported, not enforced).
 * Each mode is bounded to 60 s.
 *
 * - memory (default): one server process on the in-memory backend, beside two floors.
 * - `--postgres`: two server processes, each with its own pool, sharing one PostgreSQL database
 *   (a throwaway cluster, or a database of its own on the server `OFFBOARD_DATABASE_URL` names),
 *   the traffic split across them; the invariants are read from the database's tables.
 */
import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { OffboardData } from '@offboard/core';
import { DEMO_ORGANISATION_ID } from '@offboard/core/fixtures';
import { fromPool, migrate, seed } from '@offboard/postgres';
import { createDatabase } from '../test/support/database';
import { checkInvariants, stateInDatabase, stateThroughApi, type State } from './invariants';
import type { ServerSetup } from './offboardProcess';
import { BASE_PATH, actorsOf, authorizationsFor, loadOrganisation } from './organisation';
import { report, type ReadTarget } from './report';
import { Ledger, changeKinds, readKinds, replayElsewhere, resendUnanswered, seeded, shareOf, type Kind, type World } from './traffic';

const CONNECTIONS = 50;
const READ_ROUNDS = 2;
const READ_SECONDS = 3;
const MIXED_SECONDS = 15;
/** Applied changes the PostgreSQL mode sends again to the other process (R11 across processes). */
const REPLAYS_ELSEWHERE = 300;

const { values: flags } = parseArgs({ options: { postgres: { type: 'boolean', default: false } } });

const deadline = setTimeout(() => {
  process.stderr.write('load: still running after 60 s, stopping\n');
  process.exit(1);
}, 60_000);

interface Stats {
  readonly failures: number;
  readonly cpu: NodeJS.CpuUsage;
}

/** A TypeScript entry in its own process; resolves with its first IPC message. */
function startProcess<T>(file: string, args: string[] = [], first?: unknown): { child: ChildProcess; ready: Promise<T> } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<T>((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  if (first !== undefined) child.send(first as never);
  return { child, ready };
}

/** A child's failures so far and the CPU time it has used (µs), which other load on the machine does not inflate. */
function stats(child: ChildProcess): Promise<Stats> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as Stats));
    child.send('stats');
  });
}

/** CPU (µs) the children spend while `work` runs. */
async function cpuOf<T>(children: readonly ChildProcess[], work: () => Promise<T>): Promise<{ result: T; cpuMicros: number }> {
  const busy = async () => (await Promise.all(children.map(stats))).reduce((total, { cpu }) => total + cpu.user + cpu.system, 0);
  const before = await busy();
  const result = await work();
  return { result, cpuMicros: (await busy()) - before };
}

/** Runs kinds at once against their servers, each its own autocannon instance, so each has its own latencies. */
async function run(runs: readonly { origin: string; kind: Kind }[], seconds: number): Promise<Map<string, Result[]>> {
  const results = await Promise.all(runs.map(({ origin, kind }) => autocannon({ url: origin, connections: kind.connections, duration: seconds, requests: kind.requests })));
  const byKind = new Map<string, Result[]>();
  runs.forEach(({ kind }, index) => byKind.set(kind.name, [...(byKind.get(kind.name) ?? []), results[index]!]));
  return byKind;
}

/**
 * The six reads in turn on every one of `total` connections: one autocannon instance per server,
 * so all connections open together. (Six instances opening theirs one after another against a
 * saturated server made the last ones wait for their first answers, which ruled short runs' p99.)
 */
function readMix(world: World, total: number): Kind {
  return { name: 'reads', connections: total, requests: readKinds(world, total).flatMap((kind) => kind.requests) };
}

/** The reads alone on every origin at once, `total` connections split among them. */
const readsAlone = (world: World, origins: readonly string[]) => origins.map((origin, server) => ({ origin, kind: readMix(world, shareOf(CONNECTIONS, 0, server, origins.length)) }));

/** Mixed: reads on 36 connections (6 a kind), changes on 14, each kind's connections split among the origins. */
function mixedTraffic(world: World, ledger: Ledger, origins: readonly string[]) {
  return origins.flatMap((origin, server) => [
    ...readKinds(world, 6).map((kind, index) => ({ origin, kind: { ...kind, connections: shareOf(kind.connections, index, server, origins.length) } })),
    ...changeKinds(world, ledger, server, origins.length).map((kind) => ({ origin, kind })),
  ]);
}

interface Servers {
  readonly children: ChildProcess[];
  readonly origins: string[];
}

async function startServers(count: number, setup: ServerSetup): Promise<Servers> {
  const started = Array.from({ length: count }, () => startProcess<{ url: string }>('./offboardProcess.ts', [], setup));
  const urls = await Promise.all(started.map(({ ready }) => ready));
  return { children: started.map(({ child }) => child), origins: urls.map(({ url }) => new URL(url).origin) };
}

interface Run {
  readonly mode: string;
  readonly notes: string[];
  readonly servers: Servers;
  /** Extra servers the reads are compared with (memory mode: the floors), the bare floor last. */
  readonly floors: { name: string; child: ChildProcess; origin: string }[];
  /** The organisation after the load, for the invariants. */
  readState(): Promise<State>;
  stop(): Promise<void>;
}

/** Memory: one server process on the load organisation in memory, and the two floors beside it. */
async function inMemory(organisation: OffboardData, authorizations: Record<string, string>, world: World): Promise<Run> {
  const servers = await startServers(1, { backend: { kind: 'memory' }, authorizations });
  const [origin] = servers.origins as [string];
  const admin = authorizations[world.admins[0]!]!;
  // The floors answer each kind of read with the very bytes the server gave for it.
  const sample = (path: string) => fetch(`${origin}${BASE_PATH}${path}`, { headers: { authorization: admin } }).then((response) => response.text());
  const someone = organisation.users[9]!.id;
  const answers: [string, string][] = [
    ['offboarding-plan', await sample(`/v1/users/${someone}/offboarding-plan?scenario=employee-departure`)],
    ['/v1/users/', await sample(`/v1/users/${someone}`)],
    ['/v1/users', await sample('/v1/users?limit=50')],
    ['/v1/contacts', await sample(`/v1/contacts?ownerId=${someone}&limit=50`)],
    ['/v1/seats', await sample('/v1/seats')],
    ['/v1/audit-log', await sample('/v1/audit-log?limit=50')],
  ];
  const floors = await Promise.all(
    [
      ['bridge only', 'bridge'],
      ['floor (bare node:http)', 'floor'],
    ].map(async ([name, kind]) => {
      const floor = startProcess<{ url: string }>('./floorProcess.ts', [kind!], answers);
      return { name: name!, child: floor.child, origin: (await floor.ready).url };
    }),
  );
  return {
    mode: 'one server process, in memory',
    notes: [],
    servers,
    floors,
    readState: () => stateThroughApi(origin, admin),
    stop: async () => {
      for (const child of [...servers.children, ...floors.map((floor) => floor.child)]) child.disconnect();
    },
  };
}

/** PostgreSQL: the organisation seeded once, then two server processes on the same database. */
async function onPostgres(organisation: OffboardData, authorizations: Record<string, string>, world: World): Promise<Run> {
  const database = await createDatabase('offboard_load');
  if (!database) throw new Error('no PostgreSQL server: set OFFBOARD_DATABASE_URL, or install postgresql (apt-get install -y postgresql)');
  try {
    const seeding = performance.now();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const db = fromPool(pool);
      await migrate(db);
      await seed(db, organisation);
    } finally {
      await pool.end();
    }
    const seedSeconds = (performance.now() - seeding) / 1000;
    const servers = await startServers(2, { backend: { kind: 'postgres', url: database.url }, authorizations });
    const admin = authorizations[world.admins[0]!]!;
    return {
      mode: 'two server processes sharing one PostgreSQL database',
      notes: [`database: ${database.origin}; migrated and seeded in ${seedSeconds.toFixed(1)} s; each process its own pool of 10 connections`],
      servers,
      floors: [],
      readState: () => stateInDatabase(database.url, DEMO_ORGANISATION_ID, servers.origins[0]!, admin),
      stop: async () => {
        await Promise.all(servers.children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.disconnect()))));
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const organisation = loadOrganisation();
  const { admins, salespeople } = actorsOf(organisation);
  const authorizations = authorizationsFor([...admins, ...salespeople]);
  const world: World = { organisation, authorizations, admins, salespeople, random: seeded(7) };
  const setup = await (flags.postgres ? onPostgres : inMemory)(organisation, authorizations, world);
  const { servers, floors } = setup;
  try {
    const setupSeconds = (performance.now() - started) / 1000;
    const offboard: ReadTarget = { name: servers.origins.length > 1 ? `Offboard server, ${servers.origins.length} processes` : 'Offboard server', rounds: [], cpuMicros: 0 };
    const targets = [
      { target: offboard, children: servers.children, origins: servers.origins },
      ...floors.map((floor) => ({ target: { name: floor.name, rounds: [], cpuMicros: 0 } as ReadTarget, children: [floor.child], origins: [floor.origin] })),
    ];

    // The reads alone, the servers in turn, so a busy moment on the machine hits them alike.
    // Warm-up. A fresh server is cold (JIT, the listings it caches, the heap left by loading
    // 100k contacts): its first 3 s run had a p99 of 1.3 s, the next ones 70–90 ms.
    await run(readsAlone(world, servers.origins), 4);
    for (const floor of floors) await run(readsAlone(world, [floor.origin]), 1);
    for (let round = 0; round < READ_ROUNDS; round++) {
      for (const { target, children, origins } of targets) {
        const { result, cpuMicros } = await cpuOf(children, () => run(readsAlone(world, origins), READ_SECONDS));
        target.rounds.push(result.get('reads')!);
        target.cpuMicros += cpuMicros;
      }
    }

    // Mixed: reads and changes at once, retries reusing their idempotency keys.
    const ledger = new Ledger();
    const mixed = await cpuOf(servers.children, () => run(mixedTraffic(world, ledger, servers.origins), MIXED_SECONDS));
    const resent = await resendUnanswered(servers.origins, world, ledger);
    const replayedElsewhere = servers.origins.length > 1 ? await replayElsewhere(servers.origins, world, ledger, REPLAYS_ELSEWHERE) : 0;
    const state = await setup.readState();
    const checks = checkInvariants(state, ledger);
    const failures = (await Promise.all(servers.children.map(stats))).reduce((total, { failures }) => total + failures, 0);

    const { text, correct } = report({
      mode: setup.mode,
      setting: { connections: CONNECTIONS, readRounds: READ_ROUNDS, readSeconds: READ_SECONDS, mixedSeconds: MIXED_SECONDS, setupSeconds, loadBefore, organisation },
      notes: setup.notes,
      targets: targets.map(({ target }) => target),
      floor: floors.length > 0,
      mixed: mixed.result,
      mixedCpuMicros: mixed.cpuMicros,
      processes: servers.origins.length,
      readNames: new Set(readKinds(world, 1).map((kind) => kind.name)),
      ledger,
      resent,
      replayedElsewhere,
      state: state.source,
      checks,
      failures,
    });
    process.stdout.write(`${text}\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return correct ? 0 : 1;
  } finally {
    await setup.stop();
  }
}

main().then(
  (code) => {
    clearTimeout(deadline);
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
