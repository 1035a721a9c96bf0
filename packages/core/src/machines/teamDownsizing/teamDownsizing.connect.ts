import type { OffboardError } from '../../errors/OffboardError';
import type { Explainable } from '../../i18n/createTranslator';
import { text, type Text } from '../../i18n/text';
import { effectLines } from '../../rules/effects';
import { confirmationView, type ConfirmationView } from '../confirmation';
import { partAttributes, startView, type PartAttributes, type StartView } from '../connect';
import type { TeamDownsizingContext, TeamDownsizingEvent } from './teamDownsizing.types';

export type DownsizingPhase = 'loading' | 'loadFailed' | 'refused' | 'previewing' | 'running' | 'partial' | 'done';

export interface TeamDownsizingSnapshot {
  readonly context: TeamDownsizingContext;
  readonly value: unknown;
}

/** One user of the batch: allowed or refused by the preview, then what happened. */
export interface DownsizingEntryView {
  readonly userId: string;
  readonly name: string;
  /** `allowed` or `refused` before the run; the outcome after it. */
  readonly state: 'allowed' | 'refused' | 'done' | 'skipped' | 'failed';
  /** "Deactivated", "Skipped"…, once run. */
  readonly outcome: Text | null;
  /** Why not: the preview's refusal (R4 within the batch included), or the backend's. */
  readonly reason: Explainable | null;
  /** "Will be deactivated" before the run, for an allowed entry. */
  readonly note: Text | null;
  readonly attributes: PartAttributes;
}

export interface TeamDownsizingView extends StartView {
  readonly phase: DownsizingPhase;  /** "2 of 3 licenses can be deactivated." */
  readonly summary: Text | null;
  readonly entries: readonly DownsizingEntryView[];
  /** The one combined confirmation, while previewing or running. */
  readonly confirmation: ConfirmationView | null;
  /** After the run: the first failure that did not get through, said as an alert. */
  readonly failure: OffboardError | null;
  /** After a partial run: sends the rest again under the same keys (R11). */
  readonly retry: (() => void) | null;
  readonly attributes: PartAttributes;
}

const PHASES: readonly DownsizingPhase[] = ['loadFailed', 'refused', 'previewing', 'running', 'partial', 'done'];

/**
 * Team downsizing (R8) as a view: the combined preview of every license (the batch's own R4
 * included) with one confirmation listing what they do together, then each license's outcome and
 * a retry for the ones that did not get through. `close` is the host's: it closes the dialog.
 */
export function connectTeamDownsizing(snapshot: TeamDownsizingSnapshot, send: (event: TeamDownsizingEvent) => void, options: { close(): void }): TeamDownsizingView {
  const { context } = snapshot;
  const phase = PHASES.find((each) => each === snapshot.value) ?? 'loading';
  const { preview, outcomes } = context;
  const ran = phase === 'partial' || phase === 'done';
  const entries = (preview?.entries ?? []).map((entry): DownsizingEntryView => {
    const outcome = outcomes[entry.userId];
    const state = outcome?.status ?? (entry.refusal ? 'refused' : 'allowed');
    return {
      userId: entry.userId,
      name: entry.name,
      state,
      outcome: outcome ? text(`downsizing.outcome.${outcome.status}`) : null,
      reason: entry.refusal ?? (outcome && 'error' in outcome ? outcome.error : null),
      note: outcome || entry.refusal ? null : text('downsizing.entry.allowed'),
      attributes: partAttributes('downsizing-entry', state),
    };
  });
  const failed = Object.values(outcomes).find((outcome) => outcome.status === 'failed');
  return {
    phase,
    // R9: only an admin frees licenses, judged before any plan was read.
    ...startView(context, phase === 'loadFailed', send),
    summary: preview ? text('downsizing.allowed', { allowed: preview.allowed, count: preview.entries.length }) : null,
    entries,
    confirmation:
      preview && (phase === 'previewing' || phase === 'running')
        ? confirmationView(
            {
              title: text('downsizing.title'),
              description: text('downsizing.description', { count: preview.entries.length }),
              confirmLabel: text('downsizing.confirm', { count: preview.allowed }),
              tone: 'danger',
              effects: effectLines(preview.effects, preview.entries.filter((entry) => !entry.refusal).map((entry) => entry.name)),
            },
            {
              busy: phase === 'running',
              error: null,
              canConfirm: preview.allowed > 0,
              confirm: () => send({ type: 'CONFIRM' }),
              retry: () => send({ type: 'RETRY' }),
              cancel: options.close,
              reason: { choice: context.reason, required: context.requireReason, send },
            },
          )
        : null,
    failure: ran && failed && 'error' in failed ? failed.error : null,
    retry: phase === 'partial' ? () => send({ type: 'RETRY' }) : null,
    attributes: partAttributes(ran ? 'downsizing-result' : 'downsizing-preview', ran ? phase : undefined),
  };
}
