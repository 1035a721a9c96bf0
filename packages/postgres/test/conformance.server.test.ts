import { describeOffboardConformance } from '@offboard/core/testing';
import { createPostgresBackend, seed } from '../src';
import { freshDatabases } from './support/databases';

const databases = freshDatabases();

/**
 * The whole conformance suite, R1–R13 with the model-based property, on the real server: every
 * test on a fresh schema of its own. Without a server it runs on PGlite, with fewer sequences
 * (and the run says so loudly).
 */
describeOffboardConformance(
  `PostgreSQL backend on ${databases.kind === 'server' ? 'a real PostgreSQL server' : 'PGlite (no server!)'}`,
  async ({ organisations, policy, clock }) => {
    const { db } = await databases.fresh();
    await seed(db, organisations);
    return createPostgresBackend({ db, policy, clock });
  },
  // A sequence here costs ~0.15–0.3 s (every step reads the whole state back through eight listings), past the suite's default 0.1 s.
  { ...(databases.kind === 'server' ? { sequences: 200, raceRuns: 20 } : { sequences: 40, raceRuns: 5 }), propertyTimeoutMs: 180_000 },
);
