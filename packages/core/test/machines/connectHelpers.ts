import { as } from '../../src/testing/harness';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import { type OffboardData, type OffboardingPlan, type Scenario } from '../../src';
import { callerContext, type CallerGate } from '../../src/machines';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';

/**
 * `connect` functions are pure: a snapshot in, a view out. These build snapshots in any state
 * straight from a context (`machine.resolveState`), with plans the in-memory backend computed, and
 * record what a view sends, so each test is cheap and says exactly which state it looks at.
 */
const backend = createInMemoryBackend({ data: demoOrganisation() });

export async function planOf(userId: string, options: { data?: () => OffboardData; actorId?: string; scenario?: Scenario } = {}): Promise<OffboardingPlan> {
  const source = options.data ? createInMemoryBackend({ data: options.data() }) : backend;
  return source.getOffboardingPlan(userId, options.scenario ? { scenario: options.scenario } : {}, as(options.actorId ?? 'u-ana'));
}

/** The caller part of a context, judged or not. */
export const callerOf = (actorId: string, gate: CallerGate = { standing: 'admin' }) => callerContext({ adapter: backend, caller: as(actorId) }, gate);

export function snapshotOf<TMachine extends AnyStateMachine>(machine: TMachine, value: unknown, context: unknown): SnapshotFrom<TMachine> {
  return machine.resolveState({ value: value as never, context: context as never }) as SnapshotFrom<TMachine>;
}

/** What a view sent, in order. */
export function recorder<TEvent>() {
  const sent: TEvent[] = [];
  return { sent, send: (event: TEvent) => void sent.push(event) };
}
