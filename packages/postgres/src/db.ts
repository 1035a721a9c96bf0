/**
 * The one small interface the backend needs from a PostgreSQL driver: parameterised statements,
 * and a transaction on one connection. `fromPool` adapts node-postgres, `fromPGlite` adapts
 * PGlite (PostgreSQL in WASM). Both are typed structurally, so this package imports neither
 * driver and a host brings the version it runs.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement; `params` are bound, never spliced into the text. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

export interface TransactionOptions {
  /**
   * A read-only snapshot (REPEATABLE READ READ ONLY): every statement sees the same committed
   * state, so a plan's dozen questions describe one moment. @default false (READ COMMITTED, read-write)
   */
  readonly readOnly?: boolean;
}

export interface Db extends Queryable {
  /** Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** A statement as node-postgres takes it; `name` makes it a prepared statement on each connection. */
export interface PgStatement {
  readonly text: string;
  readonly values: unknown[];
  readonly name?: string;
}

/** What `fromPool` uses of a node-postgres `Pool` (8.x). */
export interface PgPoolLike {
  query(statement: PgStatement): Promise<{ rows: Row[] }>;
  connect(): Promise<PgClientLike>;
}

export interface PgClientLike {
  query(statement: PgStatement): Promise<{ rows: Row[] }>;
  /** A truthy argument destroys the connection instead of returning it to the pool. */
  release(destroy?: boolean | Error): void;
}

export interface PoolOptions {
  /**
   * Run statements as prepared statements, named after their text: each connection parses a
   * statement once instead of on every call, which halves the server's work for the small
   * statements most calls are. Turn it off behind a pooler that cannot keep them (PgBouncer in
   * transaction mode before 1.21). @default true
   */
  readonly prepare?: boolean;
}

const beginOf = (options: TransactionOptions = {}) => (options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');

const unprepared = (text: string, params: readonly unknown[]): PgStatement => ({ text, values: [...params] });

/** Statement names by text: the backend's statements are a fixed, small set. */
const names = new Map<string, string>();
/**
 * Statements without parameters (BEGIN, COMMIT, DDL) go as simple queries, which need no
 * preparing. Statements with an array parameter are the set-based moves (100,000 contacts at
 * once): they are planned afresh each time, for the rows they carry, since a prepared statement
 * may settle on one generic plan made for the common, small case.
 */
const prepared = (text: string, params: readonly unknown[]): PgStatement => {
  if (params.length === 0 || params.some(Array.isArray)) return unprepared(text, params);
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `offboard_${names.size + 1}`));
  return { name, text, values: [...params] };
};

/** node-postgres: statements go to any pooled connection; a transaction holds one until it ends. */
export function fromPool(pool: PgPoolLike, options: PoolOptions = {}): Db {
  const statement = options.prepare === false ? unprepared : prepared;
  return {
    query: <R extends Row>(text: string, params: readonly unknown[] = []) => pool.query(statement(text, params)) as Promise<{ rows: R[] }>,
    async transaction(work, transactionOptions) {
      const client = await pool.connect();
      // A connection answers one statement at a time: statements a body issues at once (the plan
      // asks a dozen questions through Promise.all) wait their turn here rather than in the driver.
      let turn: Promise<unknown> = Promise.resolve();
      const tx: Queryable = {
        query<R extends Row>(text: string, params: readonly unknown[] = []) {
          const result = turn.then(() => client.query(statement(text, params)) as Promise<{ rows: R[] }>);
          turn = result.catch(() => undefined);
          return result;
        },
      };
      let broken = false;
      try {
        await tx.query(beginOf(transactionOptions));
        const result = await work(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is in an unknown state: drop it from the pool.
        await tx.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

/** What `fromPGlite` uses of a PGlite instance (0.5.x). */
export interface PGliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  transaction<T>(work: (tx: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }) => Promise<T>): Promise<T>;
}

/**
 * PGlite: one connection in the process. Its transactions hold that connection exclusively, so
 * they run one at a time and every snapshot is trivially consistent; `readOnly` needs no more.
 */
export function fromPGlite(pglite: PGliteLike): Db {
  const on = (target: Pick<PGliteLike, 'query'>): Queryable => ({
    query: <R extends Row>(text: string, params: readonly unknown[] = []) => target.query(text, [...params]) as Promise<{ rows: R[] }>,
  });
  return { ...on(pglite), transaction: (work) => pglite.transaction((tx) => work(on(tx))) };
}
