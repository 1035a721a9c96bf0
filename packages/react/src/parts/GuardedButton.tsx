import type { ControlView } from '@offboard/core/machines';
import { useId, type ButtonHTMLAttributes } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';
import { ReasonText } from './ReasonText';

interface GuardedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type' | 'onClick' | 'children'> {
  /** The core's control: its label, its state and why it does nothing (a rule's refusal, or what it waits for). */
  control: ControlView;
  /**
   * The id of the reason, said elsewhere once for several buttons blocked alike (a list's): the
   * button is described by it and shows nothing beside it.
   */
  reasonId?: string;
}

/**
 * A button for an action a rule may block or that may wait. Blocked or held, it keeps its place in
 * the tab order with `aria-disabled` and the reason beside it, so keyboard and screen-reader users
 * learn why.
 */
export function GuardedButton({ control, reasonId: sharedReasonId, ...rest }: GuardedButtonProps) {
  const messages = useMessages();
  const ownReasonId = useId();
  const name = control.attributes['data-part'];
  const shared = sharedReasonId !== undefined && control.blockedBy !== null;
  const reasonId = shared ? sharedReasonId : ownReasonId;
  const explained = control.blockedBy !== null || control.held !== null;
  return (
    <span {...part(`${name}-guard`)}>
      <button
        type="button"
        {...rest}
        {...part(name, control.state)}
        aria-disabled={control.state !== 'ready' || undefined}
        aria-busy={control.state === 'busy' || undefined}
        aria-describedby={explained ? reasonId : undefined}
        onClick={control.press}
      >
        {messages.text(control.label)}
      </button>
      {shared ? null : control.blockedBy ? (
        <ReasonText id={reasonId} reason={control.blockedBy} />
      ) : control.held ? (
        <span id={reasonId} {...part('hold')}>
          {messages.text(control.held)}
        </span>
      ) : null}
    </span>
  );
}
