import { toOffboardError, type OffboardingPlan, type PlanStep, type StepRequest, type User } from '@offboard/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { lifecycleConfirmation, type LifecycleConfirmation } from '../../parts/lifecycleConfirmation';
import { part } from '../../parts/partProps';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import type { Translator } from '../../i18n/createTranslator';
import { useMessages } from '../../provider/OffboardContext';
import { useSalespeople } from '../../queries/userQueries';
import { SalespersonSelect } from './SalespersonSelect';

interface StepActionProps {
  plan: OffboardingPlan;
  step: PlanStep;
  busy: boolean;
  /**
   * Why the step waits: another step in flight, or this one's retry pending (it resends the same
   * request, so starting afresh is not offered). Null when it may run.
   */
  hold: string | null;
  onRun(request: StepRequest): void;
  onReassignContacts?: (user: User) => void;
}

type HandOverStep = 'reassign-contacts' | 'transfer-tasks';
type TakeAwayStep = Exclude<StepRequest['step'], HandOverStep>;

/** Steps 1 and 2 hand contacts or tasks to a salesperson; step 1 may instead open the host's wizard. */
function HandOverAction({ plan, stepId, busy, hold, onRun, onReassignContacts }: Omit<StepActionProps, 'step'> & { stepId: HandOverStep }) {
  const messages = useMessages();
  const salespeople = useSalespeople();
  const candidates = (salespeople.data ?? []).filter((candidate) => candidate.id !== plan.user.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const target = chosen ?? candidates[0]?.id ?? '';
  const count = stepId === 'reassign-contacts' ? plan.contacts : plan.openTasks;
  const request: StepRequest = stepId === 'reassign-contacts' ? { step: stepId, toUserIds: [target] } : { step: stepId, toUserId: target };
  // The plan already blocks the step when no salesperson could receive; an empty list here is one still loading.
  const waiting = hold ?? (target ? null : messages.t('checklist.hold.loadingSalespeople'));

  if (salespeople.error) {
    return (
      <div {...part('step-action')}>
        <ErrorNotice error={toOffboardError(salespeople.error)} onRetry={() => void salespeople.refetch()} />
      </div>
    );
  }
  return (
    <div {...part('step-action')}>
      <SalespersonSelect candidates={candidates} value={target} onChange={setChosen} />
      <GuardedButton partName="run-step" refusal={null} busy={busy} hold={waiting} onClick={() => onRun(request)}>
        {messages.t(`checklist.action.${stepId}`, { count })}
      </GuardedButton>
      {stepId === 'reassign-contacts' && onReassignContacts ? (
        <button type="button" {...part('choose-contacts')} onClick={() => onReassignContacts(plan.user)}>
          {messages.t('checklist.chooseContacts')}
        </button>
      ) : null}
    </div>
  );
}

function takeAwayConfirmation(messages: Translator, plan: OffboardingPlan, stepId: TakeAwayStep): LifecycleConfirmation {
  if (stepId === 'deactivate-license') return lifecycleConfirmation(messages, plan, { type: 'deactivateLicense' });
  if (stepId === 'deactivate-user') return lifecycleConfirmation(messages, plan, { type: 'deactivateUser' });
  const count = plan.lastLicenseInCountry?.activePhoneNumbers.length ?? 0;
  return {
    title: messages.t('confirm.phoneNumbers.title', { count, country: messages.country(plan.lastLicenseInCountry?.country ?? '') }),
    description: messages.t('confirm.phoneNumbers.description'),
    confirmLabel: messages.t('confirm.phoneNumbers.action', { count }),
    tone: 'danger',
    effects: null,
  };
}

/** Steps 3–5 take something away, so each confirms its effects before it runs. */
function TakeAwayAction({ plan, step, stepId, busy, hold, onRun }: Omit<StepActionProps, 'onReassignContacts'> & { stepId: TakeAwayStep }) {
  const messages = useMessages();
  const [confirming, setConfirming] = useState(false);
  const numbers = plan.lastLicenseInCountry?.activePhoneNumbers ?? [];
  const confirmation = takeAwayConfirmation(messages, plan, stepId);
  return (
    <div {...part('step-action')}>
      <GuardedButton partName="run-step" refusal={step.status === 'blocked' ? step.reason : null} busy={busy} hold={hold} onClick={() => setConfirming(true)}>
        {messages.t(`checklist.action.${stepId}`, { count: numbers.length })}
      </GuardedButton>
      <ConfirmDialog
        open={confirming}
        title={confirmation.title}
        description={confirmation.description}
        effects={confirmation.effects}
        subjectName={plan.user.name}
        details={stepId === 'check-phone-numbers' ? <PhoneNumberList numbers={numbers} /> : null}
        confirmLabel={confirmation.confirmLabel}
        tone={confirmation.tone}
        busy={false}
        error={null}
        onConfirm={() => {
          setConfirming(false);
          onRun({ step: stepId });
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

/** The control that performs a step: offered when pending, kept inert and explained when blocked. */
export function StepAction(props: StepActionProps) {
  const messages = useMessages();
  const { step, plan } = props;
  if (step.status !== 'pending' && step.status !== 'blocked') return null;
  switch (step.id) {
    case 'reassign-contacts':
    case 'transfer-tasks':
      return step.status === 'pending' ? (
        <HandOverAction {...props} stepId={step.id} />
      ) : (
        <div {...part('step-action')}>
          <GuardedButton partName="run-step" refusal={step.reason}>
            {messages.t(`checklist.action.${step.id}`, { count: step.id === 'reassign-contacts' ? plan.contacts : plan.openTasks })}
          </GuardedButton>
        </div>
      );
    case 'check-phone-numbers':
    case 'deactivate-license':
    case 'deactivate-user':
      return <TakeAwayAction {...props} stepId={step.id} />;
  }
}
