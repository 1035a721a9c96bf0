import { describe, expect, it, vi } from 'vitest';
import { OffboardError, forbidden, planTeamDownsizing, type UserChange } from '../../src';
import { connectTeamDownsizing, initialReason, teamDownsizingMachine, type TeamDownsizingContext, type TeamDownsizingEvent } from '../../src/machines';
import { callerOf, planOf, recorder, snapshotOf } from './connectHelpers';

async function connect(value: string, context: Partial<TeamDownsizingContext> = {}) {
  const plans = await Promise.all(['u-fernando', 'u-diego', 'u-hugo'].map((id) => planOf(id, { scenario: 'team-downsizing' })));
  const full: TeamDownsizingContext = {
    ...callerOf('u-ana'),
    userIds: ['u-fernando', 'u-diego', 'u-hugo'],
    plans,
    preview: planTeamDownsizing(plans),
    keys: {},
    outcomes: {},
    requireReason: false,
    reason: initialReason('team-downsizing'),
    ...context,
  };
  const close = vi.fn();
  const { sent, send } = recorder<TeamDownsizingEvent>();
  return { view: connectTeamDownsizing(snapshotOf(teamDownsizingMachine, value, full), send, { close }), sent, close };
}

describe('connectTeamDownsizing', () => {
  it('R9: a refused caller sees why, and no preview', async () => {
    const refusal = forbidden('not-admin', { id: 'u-carla' });
    const { view } = await connect('refused', { refusal, plans: [], preview: null });
    expect(view).toMatchObject({ phase: 'refused', refusal, summary: null, entries: [], confirmation: null });
  });

  it('while the caller and the plans load: the loading phase, no preview and no result yet', async () => {
    for (const value of ['checking', 'loading']) {
      const { view } = await connect(value, { plans: [], preview: null });
      expect(view).toMatchObject({ phase: 'loading', summary: null, entries: [], confirmation: null, failure: null, retry: null, loadError: null });
      expect(view.attributes).toStrictEqual({ 'data-part': 'downsizing-preview' });
    }
  });

  it('a failed load: a transport failure offers a retry of the start, a refusal to load is the refusal', async () => {
    const lost = await connect('loadFailed', { plans: [], preview: null, error: new OffboardError('NETWORK_ERROR') });
    expect(lost.view).toMatchObject({ phase: 'loadFailed', refusal: null, loadError: { code: 'NETWORK_ERROR' } });
    lost.view.retryLoad();
    expect(lost.sent).toEqual([{ type: 'RETRY' }]);

    const gone = await connect('loadFailed', { plans: [], preview: null, error: forbidden('actor-inactive', { id: 'u-ana' }) });
    expect(gone.view).toMatchObject({ phase: 'loadFailed', refusal: { code: 'FORBIDDEN', details: { reason: 'actor-inactive' } }, loadError: null });
  });

  it('R8: the preview and its entries carry their part attributes; the confirmation names the batch, in the danger tone', async () => {
    const { view } = await connect('previewing');
    expect(view.attributes).toStrictEqual({ 'data-part': 'downsizing-preview' });
    expect(view.entries.map((entry) => entry.attributes)).toEqual([
      { 'data-part': 'downsizing-entry', 'data-state': 'allowed' },
      { 'data-part': 'downsizing-entry', 'data-state': 'refused' },
      { 'data-part': 'downsizing-entry', 'data-state': 'allowed' },
    ]);
    expect(view.confirmation).toMatchObject({
      title: { key: 'downsizing.title' },
      description: { key: 'downsizing.description', values: { count: 3 } },
      tone: 'danger',
      busy: false,
    });
  });

  it('R11: while the licenses are sent the confirmation stays open and busy, and the last run’s failure is not shown', async () => {
    const outcomes = { 'u-fernando': { status: 'failed', error: new OffboardError('NETWORK_ERROR') } } as const;
    const { view, sent } = await connect('running', { outcomes });
    expect(view.confirmation).toMatchObject({ busy: true, primary: { state: 'busy', label: { key: 'common.working' } } });
    view.confirmation!.primary.press();
    expect(sent).toEqual([]);
    expect(view).toMatchObject({ failure: null, retry: null });
    expect(view.attributes).toStrictEqual({ 'data-part': 'downsizing-preview' });
  });

  it('R11: after a run, each entry says why it did not go through; a refusal by the backend is no failure alert', async () => {
    const conflict = new OffboardError('VERSION_CONFLICT', { id: 'u-fernando' });
    const outcomes = {
      'u-fernando': { status: 'refused', error: conflict },
      'u-diego': { status: 'skipped', error: null },
      'u-hugo': { status: 'done', change: {} as UserChange },
    } as const;
    const { view } = await connect('done', { outcomes });
    expect(view.attributes).toStrictEqual({ 'data-part': 'downsizing-result', 'data-state': 'done' });
    expect(view.entries.map((entry) => [entry.state, entry.reason?.code ?? null, entry.note])).toEqual([
      ['refused', 'VERSION_CONFLICT', null],
      ['skipped', 'LAST_LICENSE_IN_COUNTRY', null],
      ['done', null, null],
    ]);
    expect(view.entries[0]!.attributes).toEqual({ 'data-part': 'downsizing-entry', 'data-state': 'refused' });
    expect(view).toMatchObject({ failure: null, retry: null, confirmation: null });
  });

  it('R8/R4: one preview, each entry allowed or refused with the rule, and one confirmation of what the allowed ones do together', async () => {
    const { view, sent, close } = await connect('previewing');
    expect(view.summary).toEqual({ key: 'downsizing.allowed', values: { allowed: 2, count: 3 } });
    expect(view.entries.map((entry) => [entry.userId, entry.state, entry.reason?.code ?? null, entry.note?.key ?? null])).toEqual([
      ['u-fernando', 'allowed', null, 'downsizing.entry.allowed'],
      ['u-diego', 'refused', 'LAST_LICENSE_IN_COUNTRY', null],
      ['u-hugo', 'allowed', null, 'downsizing.entry.allowed'],
    ]);
    const confirmation = view.confirmation!;
    expect(confirmation.primary).toMatchObject({ label: { key: 'downsizing.confirm', values: { count: 2 } }, state: 'ready' });
    const orphaned = confirmation.effects!.find((line) => line.key === 'contactsOrphaned')!;
    expect(orphaned.subjects).toEqual(['Fernando Ruiz', 'Hugo Vargas']);
    expect(confirmation.effects!.find((line) => line.key === 'seatsFreed')!.values.count).toBe(2);
    confirmation.primary.press();
    confirmation.cancel();
    expect(sent).toEqual([{ type: 'CONFIRM' }]);
    expect(close).toHaveBeenCalledOnce();
  });

  it('nothing to confirm when the preview refuses every entry', async () => {
    const plans = [await planOf('u-diego', { scenario: 'team-downsizing' })];
    const { view, sent } = await connect('previewing', { userIds: ['u-diego'], plans, preview: planTeamDownsizing(plans) });
    expect(view.confirmation!.primary.state).toBe('blocked');
    view.confirmation!.primary.press();
    expect(sent).toEqual([]);
  });

  it('R11: after a partial run, each outcome, the failure as an alert, and a retry of the rest', async () => {
    const outcomes = {
      'u-fernando': { status: 'failed', error: new OffboardError('NETWORK_ERROR') },
      'u-diego': { status: 'skipped', error: null },
      'u-hugo': { status: 'done', change: {} as UserChange },
    } as const;
    const { view, sent } = await connect('partial', { outcomes });
    expect(view.confirmation).toBeNull();
    expect(view.failure?.code).toBe('NETWORK_ERROR');
    expect(view.entries[0]!.reason).toBe(outcomes['u-fernando'].error);
    expect(view.entries.map((entry) => [entry.state, entry.outcome?.key])).toEqual([
      ['failed', 'downsizing.outcome.failed'],
      ['skipped', 'downsizing.outcome.skipped'],
      ['done', 'downsizing.outcome.done'],
    ]);
    expect(view.attributes).toEqual({ 'data-part': 'downsizing-result', 'data-state': 'partial' });
    view.retry!();
    expect(sent).toEqual([{ type: 'RETRY' }]);
    expect((await connect('done', { outcomes: { 'u-hugo': { status: 'done', change: {} as UserChange } } })).view.retry).toBeNull();
  });

  it('R11: the alert is the failure that did not get through, not a refusal or a skip listed before it', async () => {
    const outcomes = {
      'u-fernando': { status: 'refused', error: new OffboardError('VERSION_CONFLICT', { id: 'u-fernando' }) },
      'u-diego': { status: 'skipped', error: null },
      'u-hugo': { status: 'failed', error: new OffboardError('SERVER_ERROR') },
    } as const;
    const { view } = await connect('partial', { outcomes });
    expect(view.failure?.code).toBe('SERVER_ERROR');
  });
});
