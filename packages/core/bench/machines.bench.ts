/** Transitions per second of each machine on a live actor, with the in-memory adapter. */
import { createActor, waitFor, type AnyActorLogic, type AnyActorRef } from 'xstate';
import { offboardingMachine, reassignContactsMachine, teamDownsizingMachine, userLifecycleMachine } from '../src/machines';
import { createInMemoryBackend } from '../src/inMemory';
import { demoOrganisation } from '../src/fixtures';
import type { Row } from './measure';

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en');

async function started(logic: AnyActorLogic, input: unknown, ready: (snapshot: never) => boolean): Promise<AnyActorRef> {
  const actor = createActor(logic, { input } as never);
  actor.start();
  await waitFor(actor, ready as never);
  return actor;
}

/** Sends `events` round after round for about `budget` ms and returns transitions per second. */
function syncRate(actor: AnyActorRef, events: object[], budget = 300): string {
  let sent = 0;
  const start = performance.now();
  while (performance.now() - start < budget) {
    for (let i = 0; i < 1000; i++) for (const event of events) actor.send(event as never);
    sent += 1000 * events.length;
  }
  return perSecond(sent, performance.now() - start);
}

async function asyncRate(cycle: () => Promise<void>, budget = 600): Promise<string> {
  let cycles = 0;
  const start = performance.now();
  while (performance.now() - start < budget) {
    await cycle();
    cycles += 1;
  }
  return perSecond(cycles, performance.now() - start);
}

export async function machineBenchmarks(): Promise<Row[]> {
  const backend = createInMemoryBackend({ data: demoOrganisation() });
  const base = { adapter: backend, actorId: 'u-ana' };
  const rows: Row[] = [];
  const row = (name: string, value: string, detail: string) => rows.push({ group: 'machines', name, value, detail });

  const lifecycle = await started(userLifecycleMachine, { ...base, userId: 'u-carla' }, (s: { matches: (v: unknown) => boolean }) => s.matches('ready'));
  row('userLifecycle: open and cancel a confirmation', `${syncRate(lifecycle, [{ type: 'DEACTIVATE_LICENSE' }, { type: 'CANCEL' }])} /s`, 'transitions on a live actor');
  row(
    'userLifecycle: deactivate then assign the license',
    `${await asyncRate(async () => {
      for (const event of [{ type: 'DEACTIVATE_LICENSE' }, { type: 'ASSIGN_LICENSE', country: 'ES' }] as const) {
        lifecycle.send(event);
        lifecycle.send({ type: 'CONFIRM' });
        await waitFor(lifecycle, (s) => s.matches('ready'));
      }
    })} cycles/s`,
    'each: 2 confirmed changes and 2 plan reloads through the backend',
  );

  const checklist = await started(offboardingMachine, { ...base, userId: 'u-diego' }, (s: { matches: (v: unknown) => boolean }) => s.matches('ready'));
  row('offboarding: refused step (guard)', `${syncRate(checklist, [{ type: 'RUN_STEP', request: { step: 'deactivate-license' } }])} /s`, 'a blocked step is not sent');
  row(
    'offboarding: refresh the checklist',
    `${await asyncRate(async () => {
      checklist.send({ type: 'REFRESH' });
      await waitFor(checklist, (s) => s.matches('ready'));
    })} /s`,
    'plan recomputed by the backend each time',
  );

  const wizard = await started(reassignContactsMachine, { ...base, fromOwnerId: 'u-diego' }, (s: { matches: (v: unknown) => boolean }) => s.matches('choosingContacts'));
  row('reassignContacts: select all / clear', `${syncRate(wizard, [{ type: 'SELECT_ALL' }, { type: 'CLEAR' }])} /s`, 'selection is a mode, not a list');
  row('reassignContacts: toggle one contact', `${syncRate(wizard, [{ type: 'TOGGLE_CONTACT', contactId: 'c-056' }])} /s`, '');

  const downsizing = await started(teamDownsizingMachine, { ...base, userIds: ['u-fernando', 'u-gabriela', 'u-hugo'] }, (s: { matches: (v: unknown) => boolean }) =>
    s.matches('previewing'),
  );
  row(
    'teamDownsizing: recompute the combined preview of 3',
    `${await asyncRate(async () => {
      downsizing.send({ type: 'REFRESH' });
      await waitFor(downsizing, (s) => s.matches('previewing'));
    })} /s`,
    '3 plans from the backend + planTeamDownsizing',
  );
  for (const actor of [lifecycle, checklist, wizard, downsizing]) actor.stop();
  return rows;
}
