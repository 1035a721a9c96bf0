import type { OffboardAdapter, OffboardData } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { createInMemoryBackend } from '@offboard/core/in-memory';

/** What `npm run serve` serves: a backend, the organisation behind it (for the demo tokens), and how to let go of it. */
export interface ServedBackend {
  readonly backend: OffboardAdapter;
  readonly organisation: OffboardData;
  /** One line for the banner: where the data lives and whether it survives a restart. */
  readonly description: string;
  /** Called after the server has closed: releases what the backend holds (a database pool). */
  close(): Promise<void>;
}

/**
 * The backend `npm run serve` runs on, chosen by the environment: `OFFBOARD_DATABASE_URL` names
 * a PostgreSQL database; without it, the demo organisation in memory. A database URL this build
 * cannot serve is refused rather than ignored, so nobody believes changes are stored that are not.
 */
export async function backendFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<ServedBackend> {
  const organisation = demoOrganisation();
  if (env.OFFBOARD_DATABASE_URL) {
    throw new Error('OFFBOARD_DATABASE_URL is set, but this server does not serve PostgreSQL yet: unset it to serve the demo organisation in memory');
  }
  return {
    backend: createInMemoryBackend({ data: organisation }),
    organisation,
    description: 'the demo organisation, in memory: every change is lost when the server stops',
    close: async () => undefined,
  };
}
