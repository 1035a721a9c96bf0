import { spawnTs, type Child } from './childProcess';

const SERVE = new URL('../../src/serve.ts', import.meta.url);

/**
 * `npm run serve` as a child process on a free port. `OFFBOARD_DATABASE_URL` is the caller's to
 * give: one set in the test run's own environment never leaks into a child meant to serve memory.
 */
export function spawnServe({ args = [], env = {} }: { args?: string[]; env?: Record<string, string> } = {}): Child {
  return spawnTs(SERVE, { args, env: { PORT: '0', OFFBOARD_DATABASE_URL: '', ...env } });
}

/** The printed `curl -H 'Authorization: Bearer …' <url>` line under the identity with this id. */
export function printedCurl(banner: string, id: string): { token: string; url: string } {
  const match = new RegExp(`\\(${id}\\)[^\\n]*\\n\\s+curl -H 'Authorization: Bearer (\\S+)' (\\S+)`).exec(banner);
  if (!match) throw new Error(`no curl line for ${id} in:\n${banner}`);
  return { token: match[1]!, url: match[2]! };
}
