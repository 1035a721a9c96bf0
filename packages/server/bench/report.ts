import type { Result } from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { OffboardData } from '@offboard/core';
import type { Check } from './invariants';
import type { Ledger } from './traffic';

const GOALS = { readShareOfFloor: 0.5, p99Ms: 100 };

/** One server the reads ran against, with its results (one per round) and the CPU it spent. */
export interface ReadTarget {
  readonly name: string;
  readonly child: ChildProcess;
  readonly origin: string;
  readonly results: Result[];
  cpuMicros: number;
}

export interface ReportInput {
  readonly setting: { connections: number; readRounds: number; readSeconds: number; mixedSeconds: number; setupSeconds: number; loadBefore: number; organisation: OffboardData };
  /** The Offboard server first, the bare floor last. */
  readonly targets: readonly ReadTarget[];
  readonly mixed: Map<string, Result>;
  /** CPU time the server process spent during the mixed run. */
  readonly mixedCpuMicros: number;
  readonly readNames: ReadonlySet<string>;
  readonly ledger: Ledger;
  readonly resent: number;
  readonly checks: readonly Check[];
  readonly failures: number;
}

const rate = (results: Result[]) => results.reduce((sum, result) => sum + result.requests.total, 0) / results.reduce((sum, result) => sum + result.duration, 0);
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const percent = (share: number) => `${Math.round(share * 100)} %`;
/** The median of the rounds' p50s would hide a bad round; p99 takes the worst round. */
const p50 = (results: Result[]) => results.reduce((sum, result) => sum + result.latency.p50, 0) / results.length;
const p99 = (results: Result[]) => Math.max(...results.map((result) => result.latency.p99));
const counts = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([label, count]) => `${label} ×${count}`)
    .join(', ') || 'none';

/** The tables and verdicts `npm run load` prints (Markdown, so they paste into BENCHMARKS.md). */
export function report({ setting, targets, mixed, mixedCpuMicros, readNames, ledger, resent, checks, failures }: ReportInput): { text: string; correct: boolean } {
  const lines: string[] = [];
  const print = (line = '') => lines.push(line);
  const server = targets[0];
  const floor = targets[targets.length - 1]!;
  const { organisation } = setting;
  print(`Offboard load: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; ${organisation.users.length} users, ${organisation.contacts.length} contacts, ${organisation.tasks.length} tasks; loopback, ${setting.connections} connections`);
  print(`setup ${setting.setupSeconds.toFixed(1)} s; reads alone: ${setting.readRounds} rounds of ${setting.readSeconds} s on each server in turn; mixed: ${setting.mixedSeconds} s`);
  // Other work on the machine moves every figure; CPU per read moves least.
  print(`machine load average (1 min) before the run: ${setting.loadBefore.toFixed(1)}, after: ${loadavg()[0]!.toFixed(1)}`);
  print();
  print(`The six reads alone, in turn on each of ${setting.connections} connections`);
  print(row(['server', 'req/s', 'p50', 'p99', 'CPU per read', 'throughput / floor']));
  print(row(['---', '---:', '---:', '---:', '---:', '---:']));
  const requests = (target: ReadTarget) => target.results.reduce((sum, result) => sum + result.requests.total, 0);
  for (const target of targets) {
    print(row([target.name, Math.round(rate(target.results)), ms(p50(target.results)), ms(p99(target.results)), `${Math.round(target.cpuMicros / requests(target))} µs`, percent(rate(target.results) / rate(floor.results))]));
  }
  const readP99 = p99(server!.results);
  const share = rate(server!.results) / rate(floor.results);
  print();

  print(`Mixed traffic (concurrency ${setting.connections}: ${[...mixed].filter(([name]) => readNames.has(name)).reduce((sum, [, result]) => sum + result.connections, 0)} connections reading, the rest changing)`);
  print(row(['kind', 'req/s', 'p50', 'p99', '2xx', '4xx', '5xx', 'transport errors']));
  print(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const [name, result] of mixed) print(row([name, Math.round(rate([result])), ms(result.latency.p50), ms(result.latency.p99), result['2xx'], result['4xx'], result['5xx'], result.errors + result.timeouts]));
  const mixedResults = [...mixed.values()];
  print(row(['**all**', `**${Math.round(mixedResults.reduce((sum, result) => sum + rate([result]), 0))}**`, '', `**${ms(Math.max(...mixedResults.map((result) => result.latency.p99)))}**`, '', '', '', '']));
  const mixedRequests = mixedResults.reduce((sum, result) => sum + result.requests.total, 0);
  // Below 100 % of a core, the server was not what limited the run: the client or the machine was.
  print(`server process CPU: ${Math.round(mixedCpuMicros / mixedRequests)} µs per request, busy ${percent(mixedCpuMicros / 1e6 / setting.mixedSeconds)} of one core`);
  const fiveHundreds = server!.results.concat(mixedResults).reduce((sum, result) => sum + result['5xx'], 0);
  const reads = server!.results.concat([...mixed].filter(([name]) => readNames.has(name)).map(([, result]) => result));
  const transport = server!.results.concat(mixedResults).reduce((sum, result) => sum + result.errors + result.timeouts, 0);
  const readsRefused = reads.reduce((sum, result) => sum + result.non2xx, 0);
  const mixedP99 = Math.max(...mixedResults.map((result) => result.latency.p99));
  print();
  print(`changes applied: ${ledger.applied.size}; retries under the same key, replayed: ${ledger.replays}; cut off by the end of the run and sent again under their key: ${resent}`);
  print(`expected refusals (the rules'): ${counts(ledger.refusals)}`);
  print(`unexpected answers to changes: ${counts(ledger.unexpected)}; reads not answered 200: ${readsRefused}; 5xx: ${fiveHundreds}; transport errors: ${transport}; failures reported to onError: ${failures}`);
  print();
  print('Invariants, read back through the API');
  for (const check of checks) print(`  ${check.held ? '✓' : '✗'} ${check.name}: ${check.detail}`);
  print();
  const goals = [
    { name: `reads ≥ ${percent(GOALS.readShareOfFloor)} of the floor's throughput`, met: share >= GOALS.readShareOfFloor, value: percent(share) },
    { name: `p99 ≤ ${GOALS.p99Ms} ms at concurrency ${setting.connections}`, met: Math.max(readP99, mixedP99) <= GOALS.p99Ms, value: `reads alone ${ms(readP99)}, mixed ${ms(mixedP99)} (worst kind)` },
    { name: 'zero 5xx', met: fiveHundreds === 0 && failures === 0, value: `${fiveHundreds}` },
    { name: 'every invariant held', met: checks.every((check) => check.held), value: `${checks.filter((check) => check.held).length} of ${checks.length}` },
  ];
  print('Goals');
  for (const goal of goals) print(`  ${goal.met ? '✓' : '✗'} ${goal.name}: ${goal.value}`);
  const correct = fiveHundreds === 0 && failures === 0 && transport === 0 && readsRefused === 0 && ledger.unexpected.size === 0 && checks.every((check) => check.held);
  return { text: lines.join('\n'), correct };
}
