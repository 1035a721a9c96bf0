import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
  readonly process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout or stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** The exit code (`null` when a signal ended it). */
  readonly exited: Promise<number | null>;
}

/** Runs a TypeScript entry in its own Node process, resolving workspace packages to their sources. */
export function spawnTs(
  entry: URL,
  { args = [], env = {}, ipc = false, nodeArgs = [] }: { args?: string[]; env?: Record<string, string>; ipc?: boolean; nodeArgs?: string[] } = {},
): Child {
  const child = spawn(process.execPath, [...nodeArgs, '--conditions=source', '--import', 'tsx', fileURLToPath(entry), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  const output = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  let exitCode: number | null | undefined;
  const notify = () => {
    for (const check of waiters) check();
  };
  child.stdout!.on('data', (chunk: Buffer) => ((output.stdout += chunk.toString()), notify()));
  child.stderr!.on('data', (chunk: Buffer) => ((output.stderr += chunk.toString()), notify()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      exitCode = code;
      notify();
      resolve(code);
    }),
  );
  return {
    process: child,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    exited,
    waitFor: (pattern) =>
      new Promise((found, fail) => {
        const check = () => {
          const match = pattern.exec(output.stdout) ?? pattern.exec(output.stderr);
          if (match || exitCode !== undefined) waiters.delete(check);
          if (match) found(match);
          else if (exitCode !== undefined) fail(new Error(`exited (${exitCode}) before ${pattern}:\n${output.stdout}\n${output.stderr}`));
        };
        waiters.add(check);
        check();
      }),
  };
}
