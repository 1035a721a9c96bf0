import type { Result } from 'autocannon';
import { cpus, loadavg } from 'node:os';
import type { OffboardData } from '@offboard/core';
import type { Check } from './invariants';
import type { Ledger } from './traffic';

const GOALS = { readShareOfFloor: 0.5, p99Ms: 100 };

/** One server (or set of server processes) the reads ran against, and the CPU it spent. */
export interface ReadTarget {
  readonly name: string;
  /** Per round, the results of the autocannon instances that ran at once (one per server process). */
  readonly rounds: Result[][];
  cpuMicros: number;
}

export interface ReportInput {
  /** What ran: the mode's one-line description. */
  readonly mode: string;
  readonly setting: { connections: number; readRounds: number; readSeconds: number; mixedSeconds: number; setupSeconds: number; loadBefore: number; organisation: OffboardData };
  /** Lines about the setup worth keeping with the figures (where the database came from, seeding). */
  readonly notes: readonly string[];
  /** The Offboard server first; when `floor` is set, the bare floor last. */
  readonly targets: readonly ReadTarget[];
  readonly floor: boolean;
  /** Per kind, the results of its autocannon instances (one per server process). */
  readonly mixed: Map<string, Result[]>;
  /** CPU time the Offboard server processes spent during the mixed run, together. */
  readonly mixedCpuMicros: number;
  /** How many Offboard server processes shared the traffic. */
  readonly processes: number;
  readonly readNames: ReadonlySet<string>;
  readonly ledger: Ledger;
  readonly resent: number;
  /** Applied changes sent again to another server process (0 with one process). */
  readonly replayedElsewhere: number;
  readonly state: string;
  readonly checks: readonly Check[];
  readonly failures: number;
}

/** Instances that ran at once, as one: requests added up, p50 their mean, p99 the worst. */
interface Summary {
  readonly requests: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  readonly s2xx: number;
  readonly s4xx: number;
  readonly s5xx: number;
  readonly transport: number;
  readonly non2xx: number;
}

const sum = (results: readonly Result[], pick: (result: Result) => number) => results.reduce((total, result) => total + pick(result), 0);

function together(results: readonly Result[]): Summary {
  return {
    requests: sum(results, (result) => result.requests.total),
    seconds: Math.max(...results.map((result) => result.duration)),
    p50: sum(results, (result) => result.latency.p50) / results.length,
    p99: Math.max(...results.map((result) => result.latency.p99)),
    s2xx: sum(results, (result) => result['2xx']),
    s4xx: sum(results, (result) => result['4xx']),
    s5xx: sum(results, (result) => result['5xx']),
    transport: sum(results, (result) => result.errors + result.timeouts),
    non2xx: sum(results, (result) => result.non2xx),
  };
}

/** Rounds one after another: rates over the rounds' time, p50 the mean, p99 the worst round's. */
function inTurn(rounds: readonly Result[][]): Summary {
  const each = rounds.map(together);
  return {
    requests: each.reduce((total, round) => total + round.requests, 0),
    seconds: each.reduce((total, round) => total + round.seconds, 0),
    p50: each.reduce((total, round) => total + round.p50, 0) / each.length,
    p99: Math.max(...each.map((round) => round.p99)),
    s2xx: each.reduce((total, round) => total + round.s2xx, 0),
    s4xx: each.reduce((total, round) => total + round.s4xx, 0),
    s5xx: each.reduce((total, round) => total + round.s5xx, 0),
    transport: each.reduce((total, round) => total + round.transport, 0),
    non2xx: each.reduce((total, round) => total + round.non2xx, 0),
  };
}

const rate = (summary: Summary) => summary.requests / summary.seconds;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const percent = (share: number) => `${Math.round(share * 100)} %`;
const counts = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([label, count]) => `${label} ×${count}`)
    .join(', ') || 'none';

/** The tables and verdicts `npm run load` prints (Markdown, so they paste into BENCHMARKS.md). */
export function report(input: ReportInput): { text: string; correct: boolean } {
  const { setting, targets, ledger, checks, failures } = input;
  const lines: string[] = [];
  const print = (line = '') => lines.push(line);
  const { organisation } = setting;
  print(`Offboard load, ${input.mode}: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; ${organisation.users.length} users, ${organisation.contacts.length} contacts, ${organisation.tasks.length} tasks; loopback, ${setting.connections} connections`);
  print(`setup ${setting.setupSeconds.toFixed(1)} s; reads alone: ${setting.readRounds} rounds of ${setting.readSeconds} s${input.floor ? ' on each server in turn' : ''}; mixed: ${setting.mixedSeconds} s`);
  for (const note of input.notes) print(note);
  // Other work on the machine moves every figure; CPU per read moves least.
  print(`machine load average (1 min) before the run: ${setting.loadBefore.toFixed(1)}, after: ${loadavg()[0]!.toFixed(1)}`);
  print();

  const summaries = targets.map((target) => ({ target, summary: inTurn(target.rounds) }));
  const server = summaries[0]!.summary;
  const floor = input.floor ? summaries[summaries.length - 1]!.summary : undefined;
  print(`The six reads alone, in turn on each of ${setting.connections} connections`);
  print(row(['server', 'req/s', 'p50', 'p99', 'CPU per read', ...(floor ? ['throughput / floor'] : [])]));
  print(row(['---', '---:', '---:', '---:', '---:', ...(floor ? ['---:'] : [])]));
  for (const { target, summary } of summaries) {
    const cpu = `${Math.round(target.cpuMicros / summary.requests)} µs`;
    print(row([target.name, Math.round(rate(summary)), ms(summary.p50), ms(summary.p99), cpu, ...(floor ? [percent(rate(summary) / rate(floor))] : [])]));
  }
  print();

  const mixed = [...input.mixed].map(([name, results]) => ({ name, summary: together(results) }));
  const readConnections = [...input.mixed].filter(([name]) => input.readNames.has(name)).reduce((total, [, results]) => total + sum(results, (result) => result.connections), 0);
  print(`Mixed traffic (concurrency ${setting.connections}: ${readConnections} connections reading, the rest changing)`);
  print(row(['kind', 'req/s', 'p50', 'p99', '2xx', '4xx', '5xx', 'transport errors']));
  print(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const { name, summary } of mixed) {
    print(row([name, Math.round(rate(summary)), ms(summary.p50), ms(summary.p99), summary.s2xx, summary.s4xx, summary.s5xx, summary.transport]));
  }
  const mixedP99 = Math.max(...mixed.map(({ summary }) => summary.p99));
  const mixedRequests = mixed.reduce((total, { summary }) => total + summary.requests, 0);
  print(row(['**all**', `**${Math.round(mixed.reduce((total, { summary }) => total + rate(summary), 0))}**`, '', `**${ms(mixedP99)}**`, '', '', '', '']));
  // Below 100 % of a core per process, the server was not what limited the run: the client or the machine was.
  print(`server process CPU: ${Math.round(input.mixedCpuMicros / mixedRequests)} µs per request, busy ${percent(input.mixedCpuMicros / 1e6 / setting.mixedSeconds)} of one core${input.processes > 1 ? ` (${input.processes} processes together)` : ''}`);

  const all = [server, ...mixed.map(({ summary }) => summary)];
  const fiveHundreds = all.reduce((total, summary) => total + summary.s5xx, 0);
  const transport = all.reduce((total, summary) => total + summary.transport, 0);
  const readsRefused = server.non2xx + mixed.filter(({ name }) => input.readNames.has(name)).reduce((total, { summary }) => total + summary.non2xx, 0);
  print();
  print(`changes applied: ${ledger.applied.size}; retries under the same key, replayed: ${ledger.replays}${input.replayedElsewhere ? ` (${input.replayedElsewhere} of them sent to the other process)` : ''}; cut off by the end of the run and sent again under their key: ${input.resent}`);
  print(`expected refusals (the rules'): ${counts(ledger.refusals)}`);
  print(`unexpected answers to changes: ${counts(ledger.unexpected)}; reads not answered 200: ${readsRefused}; 5xx: ${fiveHundreds}; transport errors: ${transport}; failures reported to onError: ${failures}`);
  print();
  print(`Invariants, ${input.state}`);
  for (const check of checks) print(`  ${check.held ? '✓' : '✗'} ${check.name}: ${check.detail}`);
  print();
  const goals = [
    ...(floor
      ? [{ name: `reads ≥ ${percent(GOALS.readShareOfFloor)} of the floor's throughput`, met: rate(server) / rate(floor) >= GOALS.readShareOfFloor, value: percent(rate(server) / rate(floor)) }]
      : []),
    { name: `p99 ≤ ${GOALS.p99Ms} ms at concurrency ${setting.connections}`, met: Math.max(server.p99, mixedP99) <= GOALS.p99Ms, value: `reads alone ${ms(server.p99)}, mixed ${ms(mixedP99)} (worst kind)` },
    { name: 'zero 5xx', met: fiveHundreds === 0 && failures === 0, value: `${fiveHundreds}` },
    { name: 'every invariant held', met: checks.every((check) => check.held), value: `${checks.filter((check) => check.held).length} of ${checks.length}` },
  ];
  print('Goals');
  for (const goal of goals) print(`  ${goal.met ? '✓' : '✗'} ${goal.name}: ${goal.value}`);
  const correct = fiveHundreds === 0 && failures === 0 && transport === 0 && readsRefused === 0 && ledger.unexpected.size === 0 && checks.every((check) => check.held);
  return { text: lines.join('\n'), correct };
}
