import type { User } from '@offboard/core';
import { loadedOf } from './play';
import type { OffboardStoryParameters } from './offboardParameters';

/**
 * Every answer takes a minute: long enough to see a loading state and assert it. The play asserts
 * it at once, so the story test stays fast. The HTTP adapter gives up after 4 s, so a designer
 * who keeps looking then sees the timeout in words.
 */
export const LOADING: { offboard: OffboardStoryParameters } = { offboard: { latency: 60_000 } };

/*
 * Stories tagged 'expected-failed-requests' make requests fail on purpose: an armed fault (a
 * dropped connection, a 500), or a refusal the UI can only learn by asking. A real-browser check
 * for failed requests and console errors must expect them there, and only there. Storybook reads
 * tags statically, so each story writes the literal.
 */

/** Which user of the story's organisation a per-user component (menu, license dialog) is about. */
export interface SubjectParameters {
  readonly subject?: string;
  readonly [other: string]: unknown;
}

/** The story's subject as the story starts, from its own backend, so ids and versions are real. */
export function subjectOf(context: { loaded: unknown; parameters: SubjectParameters }, fallback: string): User {
  return loadedOf(context).user(context.parameters.subject ?? fallback);
}
