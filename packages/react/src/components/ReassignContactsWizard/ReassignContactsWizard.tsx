'use client';

import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef } from 'react';
import { useReassignContacts } from '../../machines/useReassignContacts';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { useCallerAccess } from '../../queries/useCallerAccess';
import { useUser } from '../../queries/userQueries';
import { ContactsStep } from './ContactsStep';
import { ResultStep } from './ResultStep';
import { ReviewStep } from './ReviewStep';
import { TargetsStep } from './TargetsStep';

export interface ReassignContactsWizardProps {
  /** Whose contacts to reassign. */
  ownerId: string;
  /** Called by the result step's Close button; without it the button is not shown. */
  onClose?: () => void;
  /** Added to the root element's classes. */
  className?: string;
}

const STEPS = ['contacts', 'targets', 'review', 'result'] as const;
type WizardStep = (typeof STEPS)[number];

/** The machine's states, grouped into the four steps the wizard shows. */
const STEP_OF_STATE: Record<string, WizardStep> = {
  choosingContacts: 'contacts',
  choosingTargets: 'targets',
  reviewing: 'review',
  submitting: 'review',
  failed: 'review',
  done: 'result',
};

function WizardSteps({ ownerId, onClose }: Omit<ReassignContactsWizardProps, 'className'>) {
  const messages = useMessages();
  const actorRef = useReassignContacts(ownerId);
  const owner = useUser(ownerId);
  const ownerName = owner.data?.name ?? '';
  const state = useSelector(actorRef, (snapshot) => String(snapshot.value));
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  const result = useSelector(actorRef, (snapshot) => snapshot.context.result);
  const candidates = useSelector(actorRef, (snapshot) => snapshot.context.candidates);
  const step = STEP_OF_STATE[state];

  // Each step replaces the last: move focus to its heading so keyboard and screen-reader users
  // start the new step from its top, not from wherever the previous step's button was.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef(step);
  useEffect(() => {
    if (step && previousStep.current && step !== previousStep.current) headingRef.current?.focus();
    previousStep.current = step;
  }, [step]);

  if (state === 'loadFailed' && error) return <ErrorNotice error={error} onRetry={() => actorRef.send({ type: 'RETRY' })} />;
  if (!step) return <p {...part('loading')}>{messages.t('common.loading')}</p>;
  const number = STEPS.indexOf(step) + 1;

  return (
    <>
      <ol {...part('wizard-progress')} aria-label={messages.t('wizard.progress', { current: number, total: STEPS.length })}>
        {STEPS.map((each, index) => (
          <li key={each} {...part('wizard-progress-step', index + 1 < number ? 'done' : each === step ? 'current' : 'upcoming')} aria-current={each === step ? 'step' : undefined}>
            {messages.t(`wizard.step.${each}`)}
          </li>
        ))}
      </ol>
      <h3 ref={headingRef} tabIndex={-1} {...part('wizard-step-title')}>
        {messages.t('wizard.progress', { current: number, total: STEPS.length })}: {messages.t(`wizard.step.${step}`)}
      </h3>
      {step === 'contacts' ? <ContactsStep actorRef={actorRef} ownerId={ownerId} ownerName={ownerName} /> : null}
      {step === 'targets' ? <TargetsStep actorRef={actorRef} /> : null}
      {step === 'review' ? <ReviewStep actorRef={actorRef} ownerName={ownerName} /> : null}
      {step === 'result' && result ? (
        <ResultStep result={result} candidates={candidates} onRestart={() => actorRef.send({ type: 'RESTART' })} onClose={onClose} />
      ) : null}
    </>
  );
}

/**
 * Reassign an owner's contacts (R5): choose contacts → choose one salesperson or several to split
 * evenly among → review → submit → result, by keyboard from start to end. A failure keeps every
 * choice and retries with the same idempotency key, so nothing moves twice.
 */
export function ReassignContactsWizard({ ownerId, onClose, className }: ReassignContactsWizardProps) {
  const messages = useMessages();
  const rootProps = useRootProps('reassign-wizard', className);
  const titleId = useId();
  // R9 up front: a caller who may not reassign learns it before choosing anything, and nothing is
  // read that R12 would refuse them (a member may not read other people's contacts).
  const access = useCallerAccess();
  const refusal = access.standing('admin');
  const blocked = refusal ?? access.error;
  const owner = useUser(ownerId, { enabled: refusal === null });
  return (
    <section {...rootProps} aria-labelledby={titleId}>
      <h2 id={titleId} {...part('wizard-title')}>
        {owner.data ? messages.t('wizard.title', { name: owner.data.name }) : messages.t('users.reassignTitle')}
      </h2>
      {refusal === null ? (
        <WizardSteps key={ownerId} ownerId={ownerId} onClose={onClose} />
      ) : blocked ? (
        <ErrorNotice error={blocked} onRetry={access.retry} />
      ) : (
        <p {...part('loading')}>{messages.t('common.loading')}</p>
      )}
    </section>
  );
}
