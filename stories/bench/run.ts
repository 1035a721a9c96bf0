/**
 * `npm run bench`: every benchmark, one table. Figures, never pass/fail tests: the goal column
 * says how each compares with its goal.
 */
import { backendBenchmarks } from '../../packages/core/bench/backend.bench';
import { machineBenchmarks } from '../../packages/core/bench/machines.bench';
import { printTable, type Row } from '../../packages/core/bench/measure';
import { formatSize, measureSizes } from '../../packages/react/bench/size';
import { uiBenchmarks } from './ui.bench';

const sizes: Row[] = (await measureSizes()).map((row) => ({
  group: 'bundle (min+gzip)',
  name: row.name,
  value: formatSize(row.bytes),
  detail: row.detail,
  ...(row.budget !== undefined ? { goal: `≤ ${formatSize(row.budget)}`, ok: row.bytes <= row.budget } : {}),
}));

printTable([...sizes, ...(await uiBenchmarks()), ...(await machineBenchmarks()), ...(await backendBenchmarks())]);
