'use client';

import { DEFAULT_SCENARIO, type Scenario, type User } from '@offboard/core';
import type { ChecklistStepView } from '@offboard/core/machines';
import { useEffect, useId, useRef } from 'react';
import { useOffboardingChecklist } from '../../bindings/useOffboardingChecklist';
import { ConfirmDialog } from '../../parts/ConfirmDialog';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part, useRootProps } from '../../parts/partProps';
import { PhoneNumberList } from '../../parts/PhoneNumberList';
import { useMessages } from '../../provider/OffboardContext';
import { ChecklistStep } from './ChecklistStep';

export interface OffboardingChecklistProps {
  /** Whose offboarding. */
  userId: string;
  /** Which R8 scenario: its steps apply, the others show as not applicable. @default DEFAULT_SCENARIO ('employee-departure') */
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
  const { view, salespeople } = useOffboardingChecklist(userId, scenario, onReassignContacts !== undefined);

  // A finished step loses the button that ran it once the new plan arrives; put focus on the step
  // itself, once per completion, so keyboard users stay where they were.
  const stepsRef = useRef<HTMLOListElement>(null);
  const refocused = useRef(0);
  const { completed, steps } = view;
  useEffect(() => {
    const last = completed[completed.length - 1];
    const focused = document.activeElement;
    if (!last || refocused.current === completed.length || (focused && focused !== document.body && focused.isConnected)) return;
    refocused.current = completed.length;
    stepsRef.current?.querySelector<HTMLElement>(`[data-step="${last}"]`)?.focus();
  }, [completed, steps]);

  if (!view.title) {
    const error = view.refusal ?? view.loadError;
    return error ? <ErrorNotice error={error} onRetry={view.retryLoad} /> : <p {...part('loading')}>{messages.t('common.loading')}</p>;
  }

  return (
    <>
      <h2 id={titleId} {...part('checklist-title')}>
        {messages.text(view.title)}
      </h2>
      {view.scenarioLabel ? <p {...part('checklist-scenario')}>{messages.text(view.scenarioLabel)}</p> : null}
      <ChecklistProgress steps={view.steps} />
      <ol ref={stepsRef} {...part('checklist-steps')}>
        {view.steps.map((step) => (
          <ChecklistStep
            key={step.id}
            userId={userId}
            step={step}
            salespeopleError={salespeople.error}
            onRetrySalespeople={() => void salespeople.refetch()}
            onChooseContacts={() => view.user && onReassignContacts?.(view.user)}
          />
        ))}
      </ol>
      {view.completeLabel ? <p {...part('checklist-complete')}>{messages.text(view.completeLabel)}</p> : null}
      <ConfirmDialog
        confirmation={view.confirmation}
        details={view.confirmation?.phoneNumbers.length ? <PhoneNumberList numbers={view.confirmation.phoneNumbers} /> : null}
      />
    </>
  );
}

/** "2 of 5 done" over the steps this scenario applies, in words and as a bar. */
function ChecklistProgress({ steps }: { steps: readonly ChecklistStepView[] }) {
  const messages = useMessages();
  const textId = useId();
  const applicable = steps.filter((step) => step.status !== 'not-applicable');
  const done = applicable.filter((step) => step.status === 'done').length;
  return (
    <div {...part('checklist-progress')}>
      <span id={textId}>{messages.t('checklist.progress', { done, total: applicable.length })}</span>
      <progress max={applicable.length} value={done} aria-labelledby={textId} />
    </div>
  );
}

/**
 * The R8 offboarding checklist of one user, rendered from `connectOffboarding`: the five steps in
 * the article's order, each with its status, its reason and the button that performs it. The plan
 * is recomputed after every step, here and in every other mounted component, so statuses update live.
 */
export function OffboardingChecklist({ userId, scenario = DEFAULT_SCENARIO, onReassignContacts, className }: OffboardingChecklistProps) {
  const rootProps = useRootProps('offboarding-checklist', className);
  const titleId = useId();
  return (
    <section {...rootProps} aria-labelledby={titleId}>
      <Checklist key={`${userId}:${scenario}`} userId={userId} scenario={scenario} onReassignContacts={onReassignContacts} titleId={titleId} />
    </section>
  );
}
