import { createPostgresBackend, seed } from '../src';
// The core's SCIM bridge suite, as it runs on the in-memory backend: Okta's and Entra's bodies,
// refusals as SCIM errors (R1, R4, R9, R12, R13), idempotent repeats, paging and the audit actor.
import { describeScimBridge } from '../../core/test/scim/bridgeSuite';
import { freshDatabases } from './support/databases';

const databases = freshDatabases();

describeScimBridge(databases.kind === 'server' ? 'PostgreSQL server' : 'PGlite', async (organisations) => {
  const { db } = await databases.fresh();
  await seed(db, organisations);
  return createPostgresBackend({ db });
});
