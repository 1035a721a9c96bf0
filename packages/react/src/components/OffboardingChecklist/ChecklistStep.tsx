import { toOffboardError } from '@offboard/core';
import type { ChecklistStepView } from '@offboard/core/machines';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part } from '../../parts/partProps';
import { PendingScheduleNotice } from '../../parts/PendingScheduleNotice';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';
import { StepAction } from './StepAction';

interface ChecklistStepProps {
  userId: string;
  step: ChecklistStepView;
  /** The salespeople a hand-over step gives to could not be read. */
  salespeopleError: unknown;
  onRetrySalespeople(): void;
  onChooseContacts(): void;
}

/** One R8 step: number, title, status, the reason for it, and the control that performs it. */
export function ChecklistStep({ userId, step, salespeopleError, onRetrySalespeople, onChooseContacts }: ChecklistStepProps) {
  const messages = useMessages();
  const reasonId = `${userId}-${step.id}-reason`;
  return (
    <li {...part(step.attributes['data-part'], step.attributes['data-state'])} data-step={step.id} aria-busy={step.running || undefined} tabIndex={-1}>
      <span {...part('step-number')}>{messages.text(step.numberLabel)}</span>
      <span {...part('step-title')}>{messages.text(step.title)}</span>
      <span {...part('step-status', step.status)}>{messages.text(step.statusLabel)}</span>
      {step.reason ? <ReasonText id={reasonId} reason={step.reason} /> : null}
      {step.phoneNumbers.length ? <PhoneNumberList numbers={step.phoneNumbers} /> : null}
      {step.schedule ? <PendingScheduleNotice schedules={[step.schedule]} /> : null}
      {step.action ? (
        <StepAction
          action={step.action}
          salespeopleError={step.action.kind === 'hand-over' && salespeopleError ? toOffboardError(salespeopleError) : null}
          onRetrySalespeople={onRetrySalespeople}
          onChooseContacts={onChooseContacts}
        />
      ) : null}
      {step.error ? (
        <ErrorNotice error={step.error} onRetry={step.retry}>
          <button type="button" {...part('dismiss')} onClick={step.dismiss}>
            {messages.t('common.close')}
          </button>
        </ErrorNotice>
      ) : null}
    </li>
  );
}
