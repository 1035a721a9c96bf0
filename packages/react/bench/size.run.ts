import { formatSize, measureSizes, sizeRowsOk } from './size';

const rows = await measureSizes();
for (const row of rows) {
  const budget = row.budget === undefined ? '' : ` (budget ${formatSize(row.budget)} ${row.bytes <= row.budget ? '✓' : '✗ OVER'})`;
  console.log(`${row.name.padEnd(48)} ${formatSize(row.bytes).padStart(9)}${budget}  — ${row.detail}`);
}
if (!sizeRowsOk(rows)) {
  console.error('\nA size budget is missed.');
  process.exit(1);
}
