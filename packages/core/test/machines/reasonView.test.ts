import { describe, expect, it } from 'vitest';
import { reasonView, type SetReasonEvent } from '../../src/machines';
import { recorder } from './connectHelpers';

/** The reason picker as a view renders it (R14): its words as message keys, and what it sends. */
const words = (view: ReturnType<typeof reasonView>) => ({
  legend: view.legend,
  required: view.required,
  options: view.options.map(({ code, label, checked }) => ({ code, label, checked })),
  noteLabel: view.noteLabel,
  note: view.note,
  noteMaxLength: view.noteMaxLength,
  locked: view.locked,
});

describe('reasonView: the reason’s fields in a deactivation’s confirmation (R14)', () => {
  it('R14: the legend says whether the policy requires a reason; each of the four codes has its label; the note has its label and the contract’s limit', () => {
    const { send } = recorder<SetReasonEvent>();
    const options = (checked: string | null) =>
      (['left-company', 'role-change', 'downsizing', 'other'] as const).map((code) => ({ code, label: { key: `reason.${code}` }, checked: code === checked }));
    expect(words(reasonView({ code: null, note: '' }, false, false, send))).toEqual({
      legend: { key: 'reason.legend' },
      required: false,
      options: options(null),
      noteLabel: { key: 'reason.note' },
      note: '',
      noteMaxLength: 500,
      locked: false,
    });
    expect(words(reasonView({ code: 'downsizing', note: 'Q3 plan' }, true, true, send))).toEqual({
      legend: { key: 'reason.legendRequired' },
      required: true,
      options: options('downsizing'),
      noteLabel: { key: 'reason.note' },
      note: 'Q3 plan',
      noteMaxLength: 500,
      locked: true,
    });
  });

  it('R14, R11: an open picker sends each choice and note; a locked one (sent, or waiting for its retry) sends nothing', () => {
    const open = recorder<SetReasonEvent>();
    const view = reasonView({ code: null, note: '' }, true, false, open.send);
    view.options[1]!.select();
    view.setNote('Moved to support');
    expect(open.sent).toEqual([
      { type: 'SET_REASON', code: 'role-change' },
      { type: 'SET_REASON', note: 'Moved to support' },
    ]);
    const locked = recorder<SetReasonEvent>();
    const inert = reasonView({ code: 'other', note: 'sent' }, true, true, locked.send);
    for (const option of inert.options) option.select();
    inert.setNote('changed after sending');
    expect(locked.sent).toEqual([]);
  });
});
