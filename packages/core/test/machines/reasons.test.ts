import { as, observer } from '../../src/testing/harness';
import { describe, expect, it } from 'vitest';
import { createInMemoryBackend } from '../../src/inMemory';
import { demoOrganisation } from '../../src/fixtures';
import { withFaults } from '../../src/testing';
import {
  connectOffboarding,
  connectTeamDownsizing,
  initialReason,
  nextReason,
  offboardingMachine,
  reasonOf,
  teamDownsizingMachine,
  type OffboardingEvent,
} from '../../src/machines';
import { countingKeys, run, settled, setup } from './helpers';

describe('reasons in the kit (R14)', () => {
  it('R14: each scenario preselects its likely code; no scenario preselects nothing', () => {
    expect(initialReason('employee-departure').code).toBe('left-company');
    expect(initialReason('role-change').code).toBe('role-change');
    expect(initialReason('team-downsizing').code).toBe('downsizing');
    expect(initialReason()).toEqual({ code: null, note: '' });
  });

  it('R14: a note is cut to the contract’s 500 characters, sent trimmed, and left out when blank', () => {
    const long = nextReason(initialReason(), { type: 'SET_REASON', code: 'other', note: 'x'.repeat(600) });
    expect(long.note).toHaveLength(500);
    expect(reasonOf({ code: 'other', note: '   ' })).toEqual({ code: 'other' });
    expect(reasonOf({ code: 'downsizing', note: ' Q3\tplan ' })).toEqual({ code: 'downsizing', note: 'Q3 plan' });
    expect(reasonOf({ code: null, note: 'why' })).toBeUndefined();
  });

  it('R14: the checklist’s deactivation step preselects the scenario’s code, and the running step carries the reason it was confirmed with', async () => {
    const { adapter, backend } = setup();
    const actor = run(offboardingMachine, { adapter, caller: as('u-ana'), userId: 'u-elena', scenario: 'role-change', createKey: countingKeys() });
    const view = () => connectOffboarding(actor.getSnapshot(), (event: OffboardingEvent) => actor.send(event), { salespeople: [] });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'reassign-contacts', toUserIds: ['u-oscar'] } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'RUN_STEP', request: { step: 'transfer-tasks', toUserId: 'u-oscar' } });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'deactivate-license' } });
    const reason = view().confirmation!.reason!;
    expect(reason.options.find((option) => option.checked)?.code).toBe('role-change');
    reason.setNote('Moves to customer success');
    adapter.failNext('deactivateLicense', { when: 'after', code: 'NETWORK_ERROR' });
    view().confirmation!.primary.press();
    await settled(actor, 'failed');
    // The failed step keeps its whole request, reason included: a host that stores it resumes it exactly.
    expect(actor.getSnapshot().context.running!.request).toEqual({ step: 'deactivate-license', reason: { code: 'role-change', note: 'Moves to customer success' } });
    actor.send({ type: 'RETRY' });
    await settled(actor, 'ready.complete');
    const entries = (await backend.listAuditLog({ targetId: 'u-elena', action: 'license.deactivated' }, observer)).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.reason).toEqual({ code: 'role-change', note: 'Moves to customer success' });
  });

  it('R14: steps that take nothing away carry no reason fields', async () => {
    const { adapter } = setup();
    const actor = run(offboardingMachine, { adapter, caller: as('u-ana'), userId: 'u-diego', scenario: 'employee-departure', createKey: countingKeys() });
    await settled(actor, 'ready.inProgress');
    actor.send({ type: 'ASK_STEP', request: { step: 'check-phone-numbers' } });
    const view = connectOffboarding(actor.getSnapshot(), actor.send, { salespeople: [] });
    expect(view.confirmation?.step).toBe('check-phone-numbers');
    expect(view.confirmation?.reason).toBeNull();
  });

  it('R14, R11: team downsizing sends one reason, `downsizing` preselected, with every license, and again with the retry', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation(), clock: () => new Date('2026-11-29T10:00:00.000Z'), policy: { requireReason: true } });
    const adapter = withFaults(backend);
    const actor = run(teamDownsizingMachine, { adapter, caller: as('u-ana'), userIds: ['u-fernando', 'u-hugo'], createKey: countingKeys(), requireReason: true });
    const view = () => connectTeamDownsizing(actor.getSnapshot(), actor.send, { close: () => undefined });
    await settled(actor, 'previewing');
    const reason = view().confirmation!.reason!;
    expect(reason).toMatchObject({ required: true, locked: false });
    expect(reason.options.find((option) => option.checked)?.code).toBe('downsizing');
    reason.setNote('Q4 plan');
    adapter.failNext('deactivateLicense', { when: 'after', code: 'NETWORK_ERROR' });
    view().confirmation!.primary.press();
    await settled(actor, 'partial');
    // Fixed once confirmed: the retry must send what the lost request sent.
    actor.send({ type: 'SET_REASON', code: 'other' });
    expect(actor.getSnapshot().context.reason).toEqual({ code: 'downsizing', note: 'Q4 plan' });
    view().retry!();
    await settled(actor, 'done');
    for (const id of ['u-fernando', 'u-hugo']) {
      const entries = (await backend.listAuditLog({ targetId: id, action: 'license.deactivated' }, observer)).items;
      expect(entries.map((entry) => entry.reason)).toEqual([{ code: 'downsizing', note: 'Q4 plan' }]);
    }
  });
});
