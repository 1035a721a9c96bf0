/**
 * A separate Node process with its own pool and its own backend over the same database: what a
 * second app server is. The parent sends calls over IPC (`{ id, at, method, args }`); the worker
 * waits until the wall-clock instant `at`, so two workers start the same round within a fraction
 * of a millisecond, calls its backend, and answers with the outcome and when it ran.
 * Started by `startWorker` with OFFBOARD_WORKER_URL; each call names the schema it works in. With
 * OFFBOARD_WORKER_HOLD_EVENTS=1 its backend has a subscriber that never returns.
 */
import { isOffboardError } from '@offboard/core';
import pg from 'pg';
import { createPostgresBackend, fromPool, type PostgresBackend } from '../../src';

export interface WorkerCall {
  readonly id: number;
  readonly schema: string;
  /** Wall-clock time (ms, with fractions) to start at. */
  readonly at: number;
  readonly method: keyof PostgresBackend;
  readonly args: readonly unknown[];
}

export interface WorkerAnswer {
  readonly id: number;
  /** 'ok' or the refusal's code. */
  readonly outcome: string;
  readonly result?: unknown;
  readonly started: number;
  readonly ended: number;
}

const now = () => performance.timeOrigin + performance.now();

async function waitUntil(at: number): Promise<void> {
  if (at - now() > 2) await new Promise((resolve) => setTimeout(resolve, at - now() - 2));
  while (now() < at) {
    // The last two milliseconds spin: timers are not that precise.
  }
}

const pools = new Map<string, pg.Pool>();
const backends = new Map<string, PostgresBackend>();

/** This process's backend on `schema`, its pool warmed so a round measures the change, not a connection being opened. */
async function backendOn(schema: string): Promise<PostgresBackend> {
  let backend = backends.get(schema);
  if (backend) return backend;
  const pool = new pg.Pool({
    connectionString: process.env.OFFBOARD_WORKER_URL,
    options: `-c search_path=${schema}`,
    application_name: process.env.OFFBOARD_WORKER_NAME ?? 'offboard-worker',
    max: 4,
  });
  await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1')]);
  pools.set(schema, pool);
  backends.set(schema, (backend = createPostgresBackend({ db: fromPool(pool) })));
  // R16's crash test: a subscriber that never finishes holds the dispatch open until the process is killed.
  if (process.env.OFFBOARD_WORKER_HOLD_EVENTS === '1') backend.subscribe(() => new Promise(() => undefined));
  return backend;
}

process.on('message', async (message: WorkerCall | 'exit') => {
  if (message === 'exit') {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
    process.exit(0);
  }
  const backend = await backendOn(message.schema);
  await waitUntil(message.at);
  const started = now();
  let answer: Omit<WorkerAnswer, 'ended'>;
  try {
    const call = backend[message.method] as (...args: readonly unknown[]) => Promise<unknown>;
    answer = { id: message.id, outcome: 'ok', result: await call(...message.args), started };
  } catch (error) {
    answer = { id: message.id, outcome: isOffboardError(error) ? error.code : `thrown: ${String(error)}`, started };
  }
  process.send!({ ...answer, ended: now() } satisfies WorkerAnswer);
});
process.send!('ready');
