import Module from 'node:module';

/**
 * The React 18 project aliases `react` for every module Vite transforms, but a CommonJS-only
 * dependency (use-sync-external-store, which @xstate/react imports) is loaded by Node's own
 * `require`, which would find the root's React 19. Point those requires at React 18 too.
 */
const react18Root = process.env.OFFBOARD_REACT18_ROOT!;
type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = moduleInternals._resolveFilename;

moduleInternals._resolveFilename = function (request, parent, isMain, options) {
  const target = /^react(-dom)?(\/|$)/.test(request) ? { paths: [react18Root] } : options;
  return resolveFilename.call(this, request, parent, isMain, target);
};
