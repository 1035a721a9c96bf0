import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PostgresBackend } from '../../src';
import type { WorkerAnswer, WorkerCall } from './worker';

const script = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface Worker {
  readonly process: ChildProcess;
  /** Calls `method` on `schema` in the worker at wall-clock instant `at` (default: at once). */
  call(schema: string, method: keyof PostgresBackend, args: readonly unknown[], at?: number): Promise<WorkerAnswer>;
  /** Sends the call and does not wait for its answer (the caller is about to kill the worker). */
  send(schema: string, method: keyof PostgresBackend, args: readonly unknown[]): void;
  exit(): Promise<void>;
}

export const wallClock = () => performance.timeOrigin + performance.now();

/** A separate Node process (the TypeScript sources through tsx) with pools of its own on `url`; `name` is their application_name. */
export async function startWorker(url: string, name = 'offboard-worker', env: Record<string, string> = {}): Promise<Worker> {
  const child = fork(script, [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, ...env, OFFBOARD_WORKER_URL: url, OFFBOARD_WORKER_NAME: name },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (answer: WorkerAnswer) => void>();
  let next = 0;
  child.on('message', (message: WorkerAnswer | 'ready') => {
    if (message !== 'ready') pending.get(message.id)?.(message);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
  const message = (schema: string, method: keyof PostgresBackend, args: readonly unknown[], at: number): WorkerCall => ({ id: ++next, schema, at, method, args });
  return {
    process: child,
    call(schema, method, args, at = wallClock()) {
      const call = message(schema, method, args, at);
      return new Promise((resolve) => {
        pending.set(call.id, resolve);
        child.send(call);
      });
    },
    send(schema, method, args) {
      child.send(message(schema, method, args, wallClock()));
    },
    async exit() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('exit');
      await exited;
    },
  };
}
