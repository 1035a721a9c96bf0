import { describe, expect, it } from 'vitest';
import { connectOffboarding, offboardingMachine, type OffboardingEvent } from '../../src/machines';
import { as } from '../../src/testing/harness';
import { countingKeys, run, settled, setup } from './helpers';

describe('offboardingMachine: reading the checklist again', () => {
  it('R8: a failed read of the checklist after a step keeps the steps on screen and offers the retry of the read', async () => {
    const { adapter } = setup();
    const actor = run(offboardingMachine, { adapter, caller: as('u-ana'), userId: 'u-diego', scenario: 'employee-departure', createKey: countingKeys('u-diego') });
    await settled(actor, 'ready.inProgress');
    // The step goes through; the plan read after it is lost on the way.
    adapter.failNext('getOffboardingPlan', { when: 'before' });
    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-carla'] } });
    await settled(actor, 'loadFailed');
    const sent: OffboardingEvent[] = [];
    const view = connectOffboarding(actor.getSnapshot(), (event) => sent.push(event), { salespeople: undefined });
    expect(view).toMatchObject({ phase: 'loadFailed', loadError: { code: 'NETWORK_ERROR' }, refusal: null, completed: ['reassign-contacts'] });
    // The checklist read before the step is still shown, and no step claims the failure.
    expect(view.steps.map((step) => [step.id, step.error])).toEqual([
      ['reassign-contacts', null],
      ['transfer-tasks', null],
      ['check-phone-numbers', null],
      ['deactivate-license', null],
      ['deactivate-user', null],
    ]);
    view.retryLoad();
    expect(sent).toEqual([{ type: 'RETRY' }]);
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.inProgress');
    expect(actor.getSnapshot().context.plan!.steps[0]!.status).toBe('done');
  });
});
