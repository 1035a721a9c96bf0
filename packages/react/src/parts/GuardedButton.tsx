import { useId, type ButtonHTMLAttributes } from 'react';
import type { Explainable } from '../i18n/createTranslator';
import { part } from './partProps';
import { ReasonText } from './ReasonText';

interface GuardedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> {
  /** The core's refusal for this action; the button stays focusable, inert and explained. */
  refusal: Explainable | null;
  busy?: boolean;
  /**
   * Why the action cannot run yet though no rule refuses it (its input still loading, another
   * step in flight): the button stays inert and says so, like a refusal, until this is null.
   */
  hold?: string | null;
  partName: string;
}

/**
 * A button for an action a rule may block. Blocked or held, it keeps its place in the tab order
 * with `aria-disabled` and the reason beside it, so keyboard and screen-reader users learn why.
 */
export function GuardedButton({ refusal, busy = false, hold = null, partName, onClick, children, ...rest }: GuardedButtonProps) {
  const reasonId = useId();
  const inert = refusal !== null || busy || hold !== null;
  const held = refusal === null && !busy && hold !== null;
  return (
    <span {...part(`${partName}-guard`)}>
      <button
        type="button"
        {...rest}
        {...part(partName, refusal ? 'blocked' : busy ? 'busy' : held ? 'held' : 'ready')}
        aria-disabled={inert || undefined}
        aria-busy={busy || undefined}
        aria-describedby={refusal || held ? reasonId : undefined}
        onClick={inert ? undefined : onClick}
      >
        {children}
      </button>
      {refusal ? (
        <ReasonText id={reasonId} reason={refusal} />
      ) : held ? (
        <span id={reasonId} {...part('hold')}>
          {hold}
        </span>
      ) : null}
    </span>
  );
}
