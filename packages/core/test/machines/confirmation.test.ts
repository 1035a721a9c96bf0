import { describe, expect, it } from 'vitest';
import { OffboardError } from '../../src';
import { confirmationView, phoneNumbersWords, type ConfirmationControls } from '../../src/machines';
import { text } from '../../src/i18n';

/** A confirmation as a view renders it: what its primary waits for, and its words and part attributes. */
const words = { title: text('confirm.deactivateUser.title'), description: text('confirm.deactivateUser.description'), confirmLabel: text('confirm.deactivateUser.action'), tone: 'danger', effects: [] } as const;

function controlsOf(overrides: Partial<ConfirmationControls>) {
  const calls: string[] = [];
  const controls: ConfirmationControls = {
    busy: false,
    error: null,
    confirm: () => calls.push('confirm'),
    retry: () => calls.push('retry'),
    cancel: () => calls.push('cancel'),
    ...overrides,
  };
  return { calls, controls };
}

const required = { choice: { code: null, note: '' }, required: true, send: () => {} } as const;

describe('confirmationView: what the primary waits for', () => {
  it('R14, R11: a required reason holds a fresh confirmation, but not the retry of a lost answer, which resends the request as it was sent', () => {
    const fresh = controlsOf({ reason: required });
    expect(confirmationView(words, fresh.controls).primary).toMatchObject({ state: 'held', held: { key: 'reason.hold' } });
    const retry = controlsOf({ reason: required, error: new OffboardError('NETWORK_ERROR') });
    const view = confirmationView(words, retry.controls);
    expect(view.primary).toMatchObject({ state: 'ready', held: null, label: { key: 'common.retry' } });
    view.primary.press();
    expect(retry.calls).toEqual(['retry']);
  });

  it('R15, R11: a hold (a date not yet in the future) is said only while the confirmation can still be confirmed: not while busy, on a retry, or after a refusal', () => {
    const hold = text('schedule.hold.past');
    expect(confirmationView(words, controlsOf({ held: hold }).controls).primary).toMatchObject({ state: 'held', held: hold });
    const cases: [Partial<ConfirmationControls>, string][] = [
      [{ busy: true }, 'busy'],
      [{ error: new OffboardError('SERVER_ERROR') }, 'ready'],
      [{ error: new OffboardError('SCHEDULE_CONFLICT') }, 'blocked'],
      [{ canConfirm: false }, 'blocked'],
    ];
    for (const [overrides, state] of cases) {
      expect(confirmationView(words, controlsOf({ ...overrides, held: hold }).controls).primary).toMatchObject({ state, held: null });
    }
  });

  it('names its parts: the dialog with its phase, the primary with its tone', () => {
    const idle = confirmationView(words, controlsOf({}).controls);
    expect(idle.attributes).toEqual({ 'data-part': 'confirmation', 'data-state': 'idle' });
    expect(idle.primary.attributes).toEqual({ 'data-part': 'confirm', 'data-state': 'danger' });
    expect(confirmationView(words, controlsOf({ error: new OffboardError('SERVER_ERROR') }).controls).attributes).toEqual({ 'data-part': 'confirmation', 'data-state': 'failed' });
  });
});

describe('phoneNumbersWords (R4, R8 step 3)', () => {
  it('R4: deactivating a country’s numbers is a danger confirmation whose title and action count them', () => {
    expect(phoneNumbersWords('CO', 2)).toEqual({
      title: { key: 'confirm.phoneNumbers.title', values: { count: 2, country: 'CO' } },
      description: { key: 'confirm.phoneNumbers.description' },
      confirmLabel: { key: 'confirm.phoneNumbers.action', values: { count: 2 } },
      tone: 'danger',
      effects: null,
    });
  });
});
