import type { ConfirmationView } from '@offboard/core/machines';
import { useId, type ReactNode } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { EffectsList } from './EffectsList';
import { ErrorNotice } from './ErrorNotice';
import { part } from './partProps';
import { ReasonFields } from './ReasonFields';

export interface ConfirmationPanelProps {
  /** The core's confirmation: its effects, failure and buttons. */
  confirmation: ConfirmationView;
  /** Facts beside the effects, e.g. the phone numbers to deactivate. */
  details?: ReactNode;
  /** Focus Cancel on mount, for a confirmation that replaces the view its trigger was in. */
  autoFocus?: boolean;
}

/**
 * Effects, failure and the two buttons of every confirmation, as the core's `ConfirmationView`
 * says them. The primary button keeps its place from confirm to busy to retry, so keyboard focus
 * stays on it through a failure.
 */
export function ConfirmationPanel({ confirmation, details, autoFocus }: ConfirmationPanelProps) {
  const messages = useMessages();
  const { primary } = confirmation;
  const heldId = useId();
  return (
    <div {...part('confirmation', confirmation.attributes['data-state'])}>
      {confirmation.effects ? <EffectsList lines={confirmation.effects} /> : null}
      {details}
      {confirmation.reason ? <ReasonFields reason={confirmation.reason} /> : null}
      {confirmation.error ? <ErrorNotice error={confirmation.error} /> : null}
      <div {...part('confirmation-actions')}>
        <button type="button" {...part('cancel')} onClick={confirmation.cancel} autoFocus={autoFocus}>
          {messages.text(confirmation.cancelLabel)}
        </button>
        <button
          type="button"
          {...part('confirm', primary.attributes['data-state'])}
          aria-disabled={primary.state !== 'ready' || undefined}
          aria-busy={primary.state === 'busy' || undefined}
          aria-describedby={primary.held ? heldId : undefined}
          onClick={primary.press}
        >
          {messages.text(primary.label)}
        </button>
      </div>
      {primary.held ? (
        <p id={heldId} {...part('hold')}>
          {messages.text(primary.held)}
        </p>
      ) : null}
    </div>
  );
}
