import { describeOffboardConformance } from '@offboard/core/testing';
import { describe, inject } from 'vitest';
import { createPostgresBackend, seed } from '../src';
import { freshDatabases } from './support/databases';

/**
 * The same suite on PGlite (PostgreSQL in WASM, one connection), the backend for machines without
 * a server. When the run has no server, conformance.server.test.ts runs on PGlite already and this
 * file stands aside.
 */
describe.runIf(inject('databaseUrl') !== null)('PGlite', () => {
  const databases = freshDatabases('pglite');
  describeOffboardConformance(
    'PostgreSQL backend on PGlite',
    async ({ organisations, policy, clock }) => {
      const { db } = await databases.fresh();
      await seed(db, organisations);
      return createPostgresBackend({ db, policy, clock });
    },
    { sequences: 15, raceRuns: 2, propertyTimeoutMs: 120_000 },
  );
});
