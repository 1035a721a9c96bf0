/**
 * What a host installs must work: each published package, packed as npm would pack it, is linted
 * by publint (files, exports, fields) and its types resolved by arethetypeswrong under node16
 * (CJS and ESM) and bundler resolution. node10 is left out: it cannot see subpath entries
 * (`@offboard/core/server`), which need `exports`. Runs after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PUBLISHED = ['packages/core', 'packages/react', 'packages/server', 'packages/postgres'];
const run = (command: string, args: string[], cwd = process.cwd()) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const out = mkdtempSync(join(tmpdir(), 'offboard-pack-'));
let failed = false;
try {
  for (const dir of PUBLISHED) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    // A private workspace is run from its sources in this repository and never packed for a host.
    if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { private?: boolean }).private) {
      console.log(`${dir}: private, not published: skipped`);
      continue;
    }
    // Already built by the caller: pack without running prepack's build again.
    const tarball = join(out, (JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], dir)) as { filename: string }[])[0]!.filename);
    for (const [name, command, args] of [
      ['publint', 'npx', ['publint', 'run', tarball, '--strict']],
      // Stylesheets are entries for bundlers, not modules with types.
      ['attw', 'npx', ['attw', tarball, '--profile', 'node16', '--format', 'table-flipped', '--exclude-entrypoints', 'styles.css']],
    ] as const) {
      try {
        run(command, [...args]);
        console.log(`${dir}: ${name} ok`);
      } catch (error) {
        failed = true;
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        console.error(`${dir}: ${name} FAILED\n${stdout ?? ''}${stderr ?? ''}`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed) process.exit(1);
