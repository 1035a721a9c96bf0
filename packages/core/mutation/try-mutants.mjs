// Applies the survivors of a Stryker JSON report one at a time in a copy of the repository, runs the
// given test files against each, and prints `killed` (with the failing test) or `SURVIVED`. It is how
// the survivors of a finished run are checked against new tests without a new run of the whole module,
// and how mutants Stryker left out (`--static`: the static ones an `--ignoreStatic` run reported as
// ignored) are tried against the tests that can see them.
//
//   node packages/core/mutation/try-mutants.mjs <report.json> <copy of the repository> <regex on file:line:column> [--static] <test file>...
//
// The copy keeps the real tree untouched while a mutant is applied (each file is restored after its run).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [report, root, filter, ...rest] = process.argv.slice(2);
const includeStatic = rest.includes('--static');
const tests = rest.filter((arg) => arg !== '--static');
if (!report || !root || !filter || tests.length === 0) {
  console.error('usage: try-mutants.mjs <report.json> <copy root> <regex> [--static] <test file>...');
  process.exit(2);
}
const wanted = (status) => status === 'Survived' || status === 'NoCoverage' || (includeStatic && status === 'Ignored');
const { files } = JSON.parse(readFileSync(report, 'utf8'));
const core = `${root}/packages/core`;
const counts = { killed: 0, survived: 0, skipped: 0 };

for (const [file, data] of Object.entries(files)) {
  for (const mutant of data.mutants) {
    const { start, end } = mutant.location;
    const id = `${file}:${start.line}:${start.column}`;
    if (!wanted(mutant.status) || !new RegExp(filter).test(id)) continue;
    const path = `${core}/${file}`;
    const original = readFileSync(path, 'utf8');
    if (original !== data.source) {
      // A changed file would put the replacement in the wrong place.
      console.log(`SKIP ${id}: the file differs from the report's source`);
      counts.skipped += 1;
      continue;
    }
    const lines = original.split('\n');
    const offset = (at) => lines.slice(0, at.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + at.column - 1;
    writeFileSync(path, original.slice(0, offset(start)) + mutant.replacement + original.slice(offset(end)));
    try {
      const run = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: core, encoding: 'utf8' });
      const killed = run.status !== 0;
      counts[killed ? 'killed' : 'survived'] += 1;
      const failing = killed ? ((run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '').match(/(?:×|FAIL)[^\n]*/)?.[0] ?? '') : '';
      console.log(`${killed ? 'killed' : 'SURVIVED'} ${id} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement).slice(0, 80)} ${failing.slice(0, 160)}`);
    } finally {
      writeFileSync(path, original);
    }
  }
}
console.log(`killed ${counts.killed}, survived ${counts.survived}, skipped ${counts.skipped}`);
