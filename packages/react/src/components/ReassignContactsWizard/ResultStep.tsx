import type { ReassignContactsResult, User } from '@offboard/core';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface ResultStepProps {
  result: ReassignContactsResult;
  candidates: readonly User[];
  onRestart(): void;
  onClose?: () => void;
}

/** Step 4: how many contacts each salesperson received, as recorded in the audit log. */
export function ResultStep({ result, candidates, onRestart, onClose }: ResultStepProps) {
  const messages = useMessages();
  const nameOf = (userId: string) => candidates.find((candidate) => candidate.id === userId)?.name ?? userId;
  return (
    <div {...part('result-step')}>
      <p {...part('result-summary')}>{messages.t('done.contacts.reassigned', { count: result.total })}</p>
      <ul {...part('result-targets')}>
        {result.moved.map(({ userId, contacts }) => (
          <li key={userId} {...part('result-target')} data-user-id={userId}>
            {nameOf(userId)}: {messages.t('wizard.receives', { count: contacts })}
          </li>
        ))}
      </ul>
      <p {...part('result-recorded')}>{messages.t('wizard.recordedAt', { date: messages.date(result.audit.at) })}</p>
      <div {...part('wizard-navigation')}>
        <button type="button" {...part('restart')} onClick={onRestart}>
          {messages.t('wizard.again')}
        </button>
        {onClose ? (
          <button type="button" {...part('close')} onClick={onClose}>
            {messages.t('common.close')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
