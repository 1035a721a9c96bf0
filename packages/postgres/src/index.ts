export { createPostgresBackend, type PostgresBackend, type PostgresBackendOptions } from './createPostgresBackend';
export { fromPGlite, fromPool, type Db, type PGliteLike, type PgClientLike, type PgPoolLike, type Queryable, type Row, type TransactionOptions } from './db';
export { DEFAULT_IDEMPOTENCY_TTL_MS, DEFAULT_MAX_IDEMPOTENCY_KEYS, type IdempotencyOptions } from './idempotency';
export { MIGRATIONS, TABLES, migrate, type MigrateResult, type Migration } from './migrate';
export { organisationIds, seed } from './seed';
