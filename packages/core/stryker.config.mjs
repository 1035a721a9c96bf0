// @ts-check
/**
 * Mutation testing of the core (`npm run mutate` at the root; StrykerJS 9.6 with its Vitest
 * runner). Not part of `npm test`: a full run takes long on a small machine. One module at a
 * time: `npm run mutate -- --mutate 'src/rules/**\/*.ts'`. Reports go to artifacts/mutation/
 * (git-ignored); the incremental file there makes a rerun test only the mutants whose code or
 * tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/rules/**/*.ts',
    'src/inMemory/**/*.ts',
    'src/contract/**/*.ts',
    'src/http/**/*.ts',
    'src/machines/**/*.ts',
    // Barrels only re-export; the demo authenticator is the examples' stand-in for a host's identity.
    '!src/**/index.ts',
    '!src/http/demoAuthenticator.ts',
  ],
  ignorePatterns: ['dist', 'bench', 'soak', 'demo', 'stryker.config.mjs'],
  // Only the tests that run a mutant's code are run against it; two cores are all this machine has.
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: '../../artifacts/mutation/stryker-incremental.json',
  tempDirName: '../../artifacts/mutation/.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: '../../artifacts/mutation/index.html' },
  jsonReporter: { fileName: '../../artifacts/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
};
