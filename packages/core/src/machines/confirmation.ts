import type { OffboardError } from '../errors/OffboardError';
import { text, type Text } from '../i18n/text';
import type { EffectLine } from '../rules/effects';
import { partAttributes, type ControlState, type PartAttributes } from './connect';
import { reasonSatisfied, reasonView, type ReasonChoice, type ReasonView, type SetReasonEvent } from './reason';

/** What a confirmation says before anyone confirms: every word is the core's. */
export interface ConfirmationWords {
  readonly title: Text;
  readonly description: Text;
  readonly confirmLabel: Text;
  /** Destructive actions are one colour everywhere and start focused on Cancel. */
  readonly tone: 'danger' | 'default';
  /** What it will do (R8), in the order a confirmation lists it; `null` when it lists nothing. */
  readonly effects: readonly EffectLine[] | null;
}

/**
 * A confirmation as a view renders it. Its primary button keeps its place from confirm to busy to
 * retry, so keyboard focus stays on it through a failure: it confirms, then after a transport
 * failure retries the same request under the same key (R11), and is inert while busy or after a
 * rule's refusal (asking again would not help).
 */
export interface ConfirmationView extends ConfirmationWords {
  readonly busy: boolean;
  /** The last attempt's failure, said as an alert. */
  readonly error: OffboardError | null;
  readonly primary: {
    readonly label: Text;
    readonly state: ControlState;
    /** What it waits for (a reason the policy requires, a date in the future), said beside it. */
    readonly held: Text | null;
    press(): void;
    readonly attributes: PartAttributes;
  };
  /** "Cancel", or "Close" once it failed, or the step's own ("Back"). */
  readonly cancelLabel: Text;
  cancel(): void;
  /** R14: the reason's fields, in a deactivation's confirmation; `null` in the others. */
  readonly reason: ReasonView | null;
  readonly attributes: PartAttributes;
}

export interface ConfirmationControls {
  readonly busy: boolean;
  readonly error: OffboardError | null;
  confirm(): void;
  retry(): void;
  cancel(): void;
  /** `false` when there is nothing to confirm (a batch whose every entry is refused). @default true */
  readonly canConfirm?: boolean;
  /** @default 'common.cancel', or 'common.close' after a failure */
  readonly cancelLabel?: Text;
  /** What the primary waits for besides a required reason; it stays focusable and says so. */
  readonly held?: Text | null;
  /** R14: a deactivation's reason, the policy's `requireReason`, and where its changes go. */
  readonly reason?: { readonly choice: ReasonChoice; readonly required: boolean; send(event: SetReasonEvent): void };
}

export function confirmationView(words: ConfirmationWords, controls: ConfirmationControls): ConfirmationView {
  const { busy, error, canConfirm = true, reason } = controls;
  const canRetry = error !== null && error.retryable;
  const inert = busy || !canConfirm || (error !== null && !canRetry);
  // A retry resends the request as it was; a fresh confirmation waits for what it lacks.
  const held = inert || canRetry ? null : (controls.held ?? (reason && !reasonSatisfied(reason.choice, reason.required) ? text('reason.hold') : null));
  const state: ControlState = busy ? 'busy' : inert ? 'blocked' : held ? 'held' : 'ready';
  return {
    ...words,
    busy,
    error,
    primary: {
      label: busy ? text('common.working') : canRetry ? text('common.retry') : words.confirmLabel,
      state,
      held,
      press: () => {
        if (state === 'ready') (canRetry ? controls.retry : controls.confirm)();
      },
      attributes: partAttributes('confirm', words.tone),
    },
    cancelLabel: controls.cancelLabel ?? text(error ? 'common.close' : 'common.cancel'),
    cancel: () => controls.cancel(),
    // Locked while sent or waiting for a retry, which must carry the reason it was sent with.
    reason: reason ? reasonView(reason.choice, reason.required, busy || canRetry, reason.send) : null,
    attributes: partAttributes('confirmation', busy ? 'busy' : error ? 'failed' : 'idle'),
  };
}

/** R4's way out (R8 step 3): deactivating a country's active numbers. */
export function phoneNumbersWords(country: string, count: number): ConfirmationWords {
  return {
    title: text('confirm.phoneNumbers.title', { count, country }),
    description: text('confirm.phoneNumbers.description'),
    confirmLabel: text('confirm.phoneNumbers.action', { count }),
    tone: 'danger',
    effects: null,
  };
}
