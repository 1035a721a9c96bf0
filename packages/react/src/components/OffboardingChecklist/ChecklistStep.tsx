import type { OffboardError, OffboardingPlan, PlanStep, StepRequest, User } from '@offboard/core';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part } from '../../parts/partProps';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';
import { StepAction } from './StepAction';

interface ChecklistStepProps {
  plan: OffboardingPlan;
  step: PlanStep;
  /** This step is being performed. */
  running: boolean;
  /** This step failed; the machine keeps its request and key for the retry. */
  error: OffboardError | null;
  /** Why this step's action waits (a step in flight or awaiting its retry), or null. */
  hold: string | null;
  onRun(request: StepRequest): void;
  onRetry(): void;
  onDismiss(): void;
  onReassignContacts?: (user: User) => void;
}

/** One R8 step: number, title, status, the reason for it, and the control that performs it. */
export function ChecklistStep({ plan, step, running, error, hold, onRun, onRetry, onDismiss, onReassignContacts }: ChecklistStepProps) {
  const messages = useMessages();
  const reasonId = `${plan.user.id}-${step.id}-reason`;
  // A blocked step explains itself on its inert button; other steps say why they are as they are.
  const showReason = step.reason !== null && step.status !== 'blocked';
  const numbers = step.id === 'check-phone-numbers' && step.status === 'pending' ? step.reason?.details.phoneNumbers : undefined;

  return (
    <li {...part('checklist-step', running ? 'running' : step.status)} data-step={step.id} aria-busy={running || undefined} tabIndex={-1}>
      <span {...part('step-number')}>{messages.t('checklist.step', { number: step.number })}</span>
      <span {...part('step-title')}>{messages.t(`steps.${step.id}`)}</span>
      <span {...part('step-status', step.status)}>{messages.t(`stepStatus.${step.status}`)}</span>
      {showReason && step.reason ? <ReasonText id={reasonId} reason={step.reason} /> : null}
      {numbers?.length ? <PhoneNumberList numbers={numbers} /> : null}
      <StepAction plan={plan} step={step} busy={running} hold={hold} onRun={onRun} onReassignContacts={onReassignContacts} />
      {error ? (
        <ErrorNotice error={error} onRetry={onRetry}>
          <button type="button" {...part('dismiss')} onClick={onDismiss}>
            {messages.t('common.close')}
          </button>
        </ErrorNotice>
      ) : null}
    </li>
  );
}
