/** One benchmark figure: the median of several timed runs, with their spread. */
export interface Sample {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarise(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * Collects the garbage of setup and earlier runs, so a run does not pay for it, then waits: V8
 * finishes a full collection of a large heap by sweeping on background threads, and a run started
 * at once would pay for that sweeping as soon as it allocates.
 */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Times two operations turn about (ours, then the floor, run after run), so a machine that gets
 * busier or quieter during the benchmark shifts both alike and their ratio stays honest. Each run
 * follows an untimed `prepare`, so it starts from the same state, and a collection; the first
 * round is a warm-up.
 */
export async function measurePair(
  runs: number,
  a: { prepare: () => unknown; run: () => unknown },
  b: { prepare: () => unknown; run: () => unknown },
): Promise<[Sample, Sample]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i <= runs; i++) {
    for (const [index, side] of [a, b].entries()) {
      await side.prepare();
      await collectGarbage();
      const start = performance.now();
      await side.run();
      if (i > 0) times[index]!.push(performance.now() - start);
    }
  }
  return [summarise(times[0]), summarise(times[1])];
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
export const spread = (sample: Sample) => `${ms(sample.min)}–${ms(sample.max)}`;

export interface Row {
  readonly group: string;
  readonly name: string;
  readonly value: string;
  readonly detail?: string;
  readonly goal?: string;
  readonly ok?: boolean;
}

export function printTable(rows: readonly Row[]): void {
  const widths = [
    Math.max(...rows.map((r) => r.group.length), 5),
    Math.max(...rows.map((r) => r.name.length), 4),
    Math.max(...rows.map((r) => r.value.length), 5),
    Math.max(...rows.map((r) => (r.goal ?? '').length), 4),
  ];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' │ ');
  console.log(line(['group', 'what', 'value', 'goal', 'detail']));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─') + '─┼─' + '─'.repeat(30));
  for (const row of rows) {
    const goal = row.goal ? `${row.goal}${row.ok === undefined ? '' : row.ok ? ' ✓' : ' ✗'}` : '';
    console.log(line([row.group, row.name, row.value, goal, row.detail ?? '']));
  }
}
