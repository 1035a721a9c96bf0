import type { ReassignContactsView } from '@offboard/core/machines';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface ResultStepProps {
  result: NonNullable<ReassignContactsView['result']>;
  onClose?: () => void;
}

/** Step 4: how many contacts each salesperson received, as recorded in the audit log. */
export function ResultStep({ result, onClose }: ResultStepProps) {
  const messages = useMessages();
  return (
    <div {...part('result-step')}>
      <p {...part('result-summary')}>{messages.text(result.summary)}</p>
      <ul {...part('result-targets')}>
        {result.moved.map(({ userId, name, receives }) => (
          <li key={userId} {...part('result-target')} data-user-id={userId}>
            {name}: {messages.text(receives)}
          </li>
        ))}
      </ul>
      <p {...part('result-recorded')}>{messages.t('wizard.recordedAt', { date: messages.date(result.recordedAt) })}</p>
      <div {...part('wizard-navigation')}>
        <button type="button" {...part('restart')} onClick={result.restart}>
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
