import type { OffboardError } from '@offboard/core';
import type { ReactNode } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { EffectsList } from './EffectsList';
import type { EffectSummary } from './effects';
import { ErrorNotice } from './ErrorNotice';
import { part } from './partProps';

export interface ConfirmationPanelProps {
  /** What the action will do; `null` when it has no effects worth listing. */
  effects: EffectSummary | null;
  /** Whose effects: named in messages such as "Diego can no longer sign in". */
  subjectName: string;
  /** Facts beside the effects, e.g. the phone numbers to deactivate. */
  details?: ReactNode;
  confirmLabel: string;
  /** `danger` for changes that take something away. @default 'danger' */
  tone?: 'danger' | 'default';
  busy: boolean;
  error: OffboardError | null;
  onConfirm(): void;
  /** `false` when nothing can be confirmed, e.g. a batch whose every entry is refused. @default true */
  canConfirm?: boolean;
  /** Resends the same request (same idempotency key); offered for transport failures only. */
  onRetry?(): void;
  onCancel(): void;
  /** Label of the secondary button. @default 'Cancel', or 'Close' after a failure */
  cancelLabel?: string;
  /** Focus Cancel on mount, for a confirmation that replaces the view its trigger was in. */
  autoFocus?: boolean;
}

/**
 * Effects, failure and the two buttons of every confirmation. The primary button keeps its place
 * from confirm to busy to retry, so keyboard focus stays on it through a failure.
 */
export function ConfirmationPanel({ effects, subjectName, details, confirmLabel, tone = 'danger', busy, error, onConfirm, canConfirm = true, onRetry, onCancel, cancelLabel, autoFocus }: ConfirmationPanelProps) {
  const messages = useMessages();
  const canRetry = error !== null && error.retryable && onRetry !== undefined;
  const primaryInert = busy || !canConfirm || (error !== null && !canRetry);
  return (
    <div {...part('confirmation', busy ? 'busy' : error ? 'failed' : 'idle')}>
      {effects ? <EffectsList effects={effects} name={subjectName} /> : null}
      {details}
      {error ? <ErrorNotice error={error} /> : null}
      <div {...part('confirmation-actions')}>
        <button type="button" {...part('cancel')} onClick={onCancel} autoFocus={autoFocus}>
          {cancelLabel ?? messages.t(error ? 'common.close' : 'common.cancel')}
        </button>
        <button
          type="button"
          {...part('confirm', tone)}
          aria-disabled={primaryInert || undefined}
          aria-busy={busy || undefined}
          onClick={primaryInert ? undefined : canRetry ? onRetry : onConfirm}
        >
          {busy ? messages.t('common.working') : canRetry ? messages.t('common.retry') : confirmLabel}
        </button>
      </div>
    </div>
  );
}
