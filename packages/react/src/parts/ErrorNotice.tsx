import type { OffboardError } from '@offboard/core';
import type { ReactNode } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';
import { PhoneNumberList } from './PhoneNumberList';

interface ErrorNoticeProps {
  error: OffboardError;
  /** Offered only for transport failures: a rule's refusal will not pass by asking again. */
  onRetry?: () => void;
  children?: ReactNode;
}

/** A failure in words, announced at once, with the numbers R4 names and a retry where one can help. */
export function ErrorNotice({ error, onRetry, children }: ErrorNoticeProps) {
  const messages = useMessages();
  return (
    <div role="alert" {...part('error')} data-code={error.code}>
      <p {...part('error-message')}>{messages.explain(error)}</p>
      {error.details.phoneNumbers?.length ? <PhoneNumberList numbers={error.details.phoneNumbers} /> : null}
      {(onRetry && error.retryable) || children ? (
        <div {...part('error-actions')}>
          {onRetry && error.retryable ? (
            <button type="button" {...part('retry')} onClick={onRetry}>
              {messages.t('common.retry')}
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
