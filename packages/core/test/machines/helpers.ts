import { createActor, waitFor, type AnyActorLogic, type AnyActorRef } from 'xstate';
import type { OffboardData } from '../../src';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { withFaults } from '../../src/testing';

/** Keys that say which attempt made them, so a test can tell a retry from a new intent. */
export function countingKeys(prefix = 'key'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export function setup(data: OffboardData = demoOrganisation()) {
  const backend = createInMemoryBackend({ data, clock: () => new Date('2026-11-29T10:00:00.000Z') });
  return { backend, adapter: withFaults(backend) };
}

export function run<TLogic extends AnyActorLogic>(logic: TLogic, input: unknown) {
  const actor = createActor(logic, { input } as never);
  actor.start();
  return actor;
}

/**
 * Waits until the actor settles in a state matching `value` (a state value string such as 'ready.licensed').
 * The bound only ends a wait for a state that never comes; it is no speed check, so it is wide enough
 * that a loaded 2-core machine never reaches it on the way to a state that does come.
 */
export async function settled(actor: AnyActorRef, value: string): Promise<void> {
  const path = value.split('.');
  const matches = (snapshot: { matches: (v: unknown) => boolean }) =>
    snapshot.matches(path.reduceRight<unknown>((inner, key) => (inner === undefined ? key : { [key]: inner }), undefined));
  await waitFor(actor, (snapshot) => matches(snapshot as never), { timeout: 10_000 });
}
