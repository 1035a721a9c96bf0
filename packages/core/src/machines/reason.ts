import type { DeactivationArgs, MutationContext } from '../adapter/OffboardAdapter';
import { DEACTIVATION_REASON_CODES, MAX_REASON_NOTE_LENGTH, type DeactivationReason, type DeactivationReasonCode } from '../domain/types';
import { text, type Text } from '../i18n/text';
import type { Scenario } from '../rules/plan';

/**
 * R14 in the kit: the reason a person picks in a deactivation's confirmation. It is part of the
 * request (a retry under the same key must send the same one), so machines take `SET_REASON`
 * only while the confirmation is open and before anything was sent, or after a refusal, when a
 * new confirmation makes a new request.
 */
export interface ReasonChoice {
  readonly code: DeactivationReasonCode | null;
  readonly note: string;
}

/** What the person changed: the code, the note, or both. */
export type SetReasonEvent = { readonly type: 'SET_REASON'; readonly code?: DeactivationReasonCode; readonly note?: string };

/** The code each scenario makes likely: someone leaving, moving to another role, a team shrinking. */
export const SCENARIO_REASONS: Readonly<Record<Scenario, DeactivationReasonCode>> = {
  'employee-departure': 'left-company',
  'role-change': 'role-change',
  'team-downsizing': 'downsizing',
};

/** A confirmation's first choice: the scenario's likely code, or none where no scenario is known (the menu, the license dialog). */
export const initialReason = (scenario?: Scenario): ReasonChoice => ({ code: scenario ? SCENARIO_REASONS[scenario] : null, note: '' });

/** The choice after `event`; a note longer than the contract allows is cut to it, as the field's `maxlength` does. */
export const nextReason = (choice: ReasonChoice, event: SetReasonEvent): ReasonChoice => ({
  code: event.code ?? choice.code,
  note: event.note === undefined ? choice.note : event.note.slice(0, MAX_REASON_NOTE_LENGTH),
});

/**
 * The reason as the adapter takes it: none without a code, the note only when it says something.
 * Control characters (a pasted line break) become spaces: the contract refuses them in a note.
 */
export function reasonOf(choice: ReasonChoice): DeactivationReason | undefined {
  if (!choice.code) return undefined;
  const note = choice.note.replace(/[\u0000-\u001f\u007f]/gu, ' ').trim();
  return note ? { code: choice.code, note } : { code: choice.code };
}

/**
 * A deactivation's arguments after the user's id: without a reason, the context alone, the form
 * every adapter written before R14 takes; with one, the input and the context.
 */
export const deactivationArgs = (reason: DeactivationReason | undefined, context: MutationContext): DeactivationArgs =>
  reason ? [{ reason }, context] : [context];

/** Whether the policy's `requireReason` lets the confirmation go ahead. */
export const reasonSatisfied = (choice: ReasonChoice, required: boolean): boolean => !required || choice.code !== null;

/** The reason's fields as a view renders them: a radio group of the four codes and an optional note. */
export interface ReasonView {
  readonly legend: Text;
  readonly required: boolean;
  readonly options: readonly { readonly code: DeactivationReasonCode; readonly label: Text; readonly checked: boolean; select(): void }[];
  readonly noteLabel: Text;
  readonly note: string;
  readonly noteMaxLength: number;
  setNote(note: string): void;
  /** Inert while the request is in flight or waits for its retry: the retry sends the reason it was sent with. */
  readonly locked: boolean;
}

export function reasonView(choice: ReasonChoice, required: boolean, locked: boolean, send: (event: SetReasonEvent) => void): ReasonView {
  return {
    legend: text(required ? 'reason.legendRequired' : 'reason.legend'),
    required,
    options: DEACTIVATION_REASON_CODES.map((code) => ({
      code,
      label: text(`reason.${code}`),
      checked: choice.code === code,
      select: () => {
        if (!locked) send({ type: 'SET_REASON', code });
      },
    })),
    noteLabel: text('reason.note'),
    note: choice.note,
    noteMaxLength: MAX_REASON_NOTE_LENGTH,
    setNote: (note) => {
      if (!locked) send({ type: 'SET_REASON', note });
    },
    locked,
  };
}
