'use client';

import type { Scenario, User } from '@offboard/core';
import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef } from 'react';
import { useOffboardingChecklist } from '../../machines/useOffboardingChecklist';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { ChecklistStep } from './ChecklistStep';

export interface OffboardingChecklistProps {
  /** Whose offboarding. */
  userId: string;
  /** Which R8 scenario: its steps apply, the others show as not applicable. @default 'employee-departure' */
  scenario?: Scenario;
  /** Adds "Choose contacts…" to step 1, to open the host's reassignment wizard. */
  onReassignContacts?: (user: User) => void;
  /** Added to the root element's classes. */
  className?: string;
}

interface ChecklistProps extends Required<Pick<OffboardingChecklistProps, 'userId' | 'scenario'>>, Pick<OffboardingChecklistProps, 'onReassignContacts'> {
  titleId: string;
}

function Checklist({ userId, scenario, onReassignContacts, titleId }: ChecklistProps) {
  const messages = useMessages();
  const actorRef = useOffboardingChecklist(userId, scenario);
  const plan = useSelector(actorRef, (snapshot) => snapshot.context.plan);
  // The step in flight or awaiting its retry: the machine keeps its request through a failure.
  const current = useSelector(actorRef, (snapshot) => (snapshot.matches('running') || snapshot.matches('failed') ? snapshot.context.running : null));
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  const loadFailed = useSelector(actorRef, (snapshot) => snapshot.matches('loadFailed'));
  const failed = useSelector(actorRef, (snapshot) => snapshot.matches('failed'));
  const complete = useSelector(actorRef, (snapshot) => snapshot.matches({ ready: 'complete' }));
  const completed = useSelector(actorRef, (snapshot) => snapshot.context.completed);

  // A finished step loses the button that ran it once the new plan arrives; put focus on the step
  // itself, once per completion, so keyboard users stay where they were.
  const stepsRef = useRef<HTMLOListElement>(null);
  const refocused = useRef(0);
  useEffect(() => {
    const last = completed[completed.length - 1];
    const focused = document.activeElement;
    if (!last || refocused.current === completed.length || (focused && focused !== document.body && focused.isConnected)) return;
    refocused.current = completed.length;
    stepsRef.current?.querySelector<HTMLElement>(`[data-step="${last}"]`)?.focus();
  }, [completed, plan]);

  // While a step runs or awaits its retry, the others wait: the machine takes one step at a time.
  const inFlight = current ? plan?.steps.find((step) => step.id === current.request.step) : undefined;
  const hold = inFlight ? messages.t(failed ? 'checklist.hold.failed' : 'checklist.hold.running', { number: inFlight.number }) : null;

  if (!plan) {
    return loadFailed && error ? (
      <ErrorNotice error={error} onRetry={() => actorRef.send({ type: 'RETRY' })} />
    ) : (
      <p {...part('loading')}>{messages.t('common.loading')}</p>
    );
  }

  return (
    <>
      <h2 id={titleId} {...part('checklist-title')}>{messages.t('checklist.title', { name: plan.user.name })}</h2>
      <p {...part('checklist-scenario')}>{messages.t('checklist.scenario', { scenario: messages.t(`scenarios.${plan.scenario}`) })}</p>
      <ol ref={stepsRef} {...part('checklist-steps')}>
        {plan.steps.map((step) => (
          <ChecklistStep
            key={step.id}
            plan={plan}
            step={step}
            running={!failed && step === inFlight}
            error={failed && step === inFlight ? error : null}
            hold={!failed && step === inFlight ? null : hold}
            onRun={(request) => actorRef.send({ type: 'RUN_STEP', request })}
            onRetry={() => actorRef.send({ type: 'RETRY' })}
            onDismiss={() => actorRef.send({ type: 'DISMISS' })}
            onReassignContacts={onReassignContacts}
          />
        ))}
      </ol>
      {complete ? <p {...part('checklist-complete')}>{messages.t('checklist.complete')}</p> : null}
    </>
  );
}

/**
 * The R8 offboarding checklist of one user: the five steps in the article's order, each with its
 * status, its reason and the button that performs it. The plan is recomputed after every step,
 * here and in every other mounted component, so statuses update live.
 */
export function OffboardingChecklist({ userId, scenario = 'employee-departure', onReassignContacts, className }: OffboardingChecklistProps) {
  const rootProps = useRootProps('offboarding-checklist', className);
  const titleId = useId();
  return (
    <section {...rootProps} aria-labelledby={titleId}>
      <Checklist key={`${userId}:${scenario}`} userId={userId} scenario={scenario} onReassignContacts={onReassignContacts} titleId={titleId} />
    </section>
  );
}
