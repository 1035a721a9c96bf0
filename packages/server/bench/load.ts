/**
 * `npm run load`: the Offboard server under mixed traffic at concurrency 50 on loopback, beside
 * two floors, then the organisation read back and its invariants checked. Prints the figures;
 * exits 1 when a 5xx, an unexpected answer or a broken invariant shows up (speed goals are
 * reported, not enforced). Bounded to 60 s.
 */
import autocannon, { type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkInvariants } from './invariants';
import { BASE_PATH, actorsOf, loadOrganisation } from './organisation';
import { report, type ReadTarget } from './report';
import { Ledger, changeKinds, readKinds, resendUnanswered, seeded, type Kind, type World } from './traffic';

const CONNECTIONS = 50;
const READ_ROUNDS = 2;
const READ_SECONDS = 3;
const MIXED_SECONDS = 15;

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

/** Runs every kind at once, each its own autocannon instance, so each has its own latencies. */
async function run(origin: string, kinds: Kind[], seconds: number): Promise<Map<string, Result>> {
  const results = await Promise.all(kinds.map((kind) => autocannon({ url: origin, connections: kind.connections, duration: seconds, requests: kind.requests })));
  return new Map(kinds.map((kind, index) => [kind.name, results[index]!]));
}

/** `total` connections over the six reads, each kind its own connections, as evenly as they go. */
function readsOver(world: World, total: number): Kind[] {
  return readKinds(world, Math.floor(total / 6)).map((kind, index) => ({ ...kind, connections: kind.connections + (index < total % 6 ? 1 : 0) }));
}

/**
 * The six reads in turn on every one of `total` connections: one autocannon instance, so all
 * connections open together. (Six instances opening theirs one after another against a saturated
 * server made the last ones wait for their first answers, which ruled short runs' p99.)
 */
function readMix(world: World, total: number): Kind {
  return { name: 'reads', connections: total, requests: readKinds(world, total).flatMap((kind) => kind.requests) };
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const organisation = loadOrganisation();
  const { admins, salespeople } = actorsOf(organisation);
  const offboard = startProcess<{ url: string; authorizations: Record<string, string> }>('./offboardProcess.ts');
  const { url, authorizations } = await offboard.ready;
  const origin = new URL(url).origin;
  const world: World = { organisation, authorizations, admins, salespeople, random: seeded(7) };

  // The floors answer each kind of read with the very bytes the server gave for it.
  const sample = (path: string) => fetch(`${origin}${BASE_PATH}${path}`, { headers: { authorization: authorizations[admins[0]!]! } }).then((response) => response.text());
  const someone = organisation.users[9]!.id;
  const answers: [string, string][] = [
    ['offboarding-plan', await sample(`/v1/users/${someone}/offboarding-plan?scenario=employee-departure`)],
    ['/v1/users/', await sample(`/v1/users/${someone}`)],
    ['/v1/users', await sample('/v1/users?limit=50')],
    ['/v1/contacts', await sample(`/v1/contacts?ownerId=${someone}&limit=50`)],
    ['/v1/seats', await sample('/v1/seats')],
    ['/v1/audit-log', await sample('/v1/audit-log?limit=50')],
  ];
  const bridge = startProcess<{ url: string }>('./floorProcess.ts', ['bridge'], answers);
  const floor = startProcess<{ url: string }>('./floorProcess.ts', ['floor'], answers);
  const targets: ReadTarget[] = [
    { name: 'Offboard server', child: offboard.child, origin, results: [], cpuMicros: 0 },
    { name: 'bridge only', child: bridge.child, origin: (await bridge.ready).url, results: [], cpuMicros: 0 },
    { name: 'floor (bare node:http)', child: floor.child, origin: (await floor.ready).url, results: [], cpuMicros: 0 },
  ];
  const setupSeconds = (performance.now() - started) / 1000;

  // The six reads alone, the three servers in turn, so a busy moment on the machine hits them alike.
  // Warm-up. The server's first seconds are cold (JIT, the listings it caches, the heap left by
  // loading 100k contacts): its first 3 s run had a p99 of 1.3 s, the next ones 70–90 ms.
  await run(origin, [readMix(world, CONNECTIONS)], 4);
  for (const target of targets.slice(1)) await run(target.origin, [readMix(world, CONNECTIONS)], 1);
  for (let round = 0; round < READ_ROUNDS; round++) {
    for (const target of targets) {
      const before = await stats(target.child);
      const [result] = (await run(target.origin, [readMix(world, CONNECTIONS)], READ_SECONDS)).values();
      target.results.push(result!);
      const after = await stats(target.child);
      target.cpuMicros += after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
    }
  }

  // Mixed: reads on 36 connections, changes on 14, retries reusing their idempotency keys.
  const ledger = new Ledger();
  const beforeMixed = await stats(offboard.child);
  const mixed = await run(origin, [...readsOver(world, 36), ...changeKinds(world, ledger)], MIXED_SECONDS);
  const afterMixed = await stats(offboard.child);
  const mixedCpuMicros = afterMixed.cpu.user + afterMixed.cpu.system - beforeMixed.cpu.user - beforeMixed.cpu.system;
  const resent = await resendUnanswered(origin, world, ledger);
  const checks = await checkInvariants(origin, authorizations[admins[0]!]!, ledger);
  const { failures } = await stats(offboard.child);
  for (const { child } of [offboard, bridge, floor]) child.disconnect();

  const { text, correct } = report({
    setting: { connections: CONNECTIONS, readRounds: READ_ROUNDS, readSeconds: READ_SECONDS, mixedSeconds: MIXED_SECONDS, setupSeconds, loadBefore, organisation },
    targets,
    mixed,
    mixedCpuMicros,
    readNames: new Set(readKinds(world, 1).map((kind) => kind.name)),
    ledger,
    resent,
    checks,
    failures,
  });
  process.stdout.write(`${text}\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return correct ? 0 : 1;
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
