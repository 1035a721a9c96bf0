import { useId, type ButtonHTMLAttributes } from 'react';
import type { Explainable } from '../i18n/createTranslator';
import { part } from './partProps';
import { ReasonText } from './ReasonText';

interface GuardedButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> {
  /** The core's refusal for this action; the button stays focusable, inert and explained. */
  refusal: Explainable | null;
  busy?: boolean;
  /** The action still lacks an input (a country, a salesperson) or waits on a retry: inert, but not refused. */
  incomplete?: boolean;
  partName: string;
}

/**
 * A button for an action a rule may block. Blocked, it keeps its place in the tab order with
 * `aria-disabled` and the reason beside it, so keyboard and screen-reader users learn why.
 */
export function GuardedButton({ refusal, busy = false, incomplete = false, partName, onClick, children, ...rest }: GuardedButtonProps) {
  const reasonId = useId();
  const inert = refusal !== null || busy || incomplete;
  return (
    <span {...part(`${partName}-guard`)}>
      <button
        type="button"
        {...rest}
        {...part(partName, refusal ? 'blocked' : busy ? 'busy' : 'ready')}
        aria-disabled={inert || undefined}
        aria-busy={busy || undefined}
        aria-describedby={refusal ? reasonId : undefined}
        onClick={inert ? undefined : onClick}
      >
        {children}
      </button>
      {refusal ? <ReasonText id={reasonId} reason={refusal} /> : null}
    </span>
  );
}
