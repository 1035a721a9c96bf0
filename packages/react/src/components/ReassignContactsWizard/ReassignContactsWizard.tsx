'use client';

import type { ReassignContactsView } from '@offboard/core/machines';
import { useEffect, useId, useRef } from 'react';
import { useReassignContacts } from '../../bindings/useReassignContacts';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
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

function WizardSteps({ view, ownerId, onClose }: { view: ReassignContactsView; ownerId: string; onClose?: () => void }) {
  const messages = useMessages();
  const step = view.phase;

  // Each step replaces the last: move focus to its heading so keyboard and screen-reader users
  // start the new step from its top, not from wherever the previous step's button was.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const previousStep = useRef<string | null>(view.progress ? step : null);
  useEffect(() => {
    if (!view.progress) return;
    if (previousStep.current && step !== previousStep.current) headingRef.current?.focus();
    previousStep.current = step;
  }, [step, view.progress]);

  const error = view.refusal ?? view.loadError;
  if (error) return <ErrorNotice error={error} onRetry={view.retryLoad} />;
  if (!view.progress) return <p {...part('loading')}>{messages.t('common.loading')}</p>;
  const ownerName = view.owner?.name ?? '';

  return (
    <>
      <ol {...part('wizard-progress')} aria-label={messages.text(view.progress.label)}>
        {view.progress.steps.map((each) => (
          <li key={each.id} {...part(each.attributes['data-part'], each.attributes['data-state'])} aria-current={each.current ? 'step' : undefined}>
            {messages.text(each.label)}
          </li>
        ))}
      </ol>
      <h3 ref={headingRef} tabIndex={-1} {...part('wizard-step-title')}>
        {messages.text(view.progress.label)}: {messages.text(view.progress.stepLabel)}
      </h3>
      {view.contacts ? <ContactsStep contacts={view.contacts} ownerId={ownerId} ownerName={ownerName} /> : null}
      {view.targets ? <TargetsStep targets={view.targets} /> : null}
      {view.review ? <ReviewStep review={view.review} /> : null}
      {view.result ? <ResultStep result={view.result} onClose={onClose} /> : null}
    </>
  );
}

/**
 * Reassign an owner's contacts (R5), rendered from `connectReassignContacts`: choose contacts →
 * choose one salesperson or several to split evenly among → review → submit → result, by keyboard
 * from start to end. A caller the rules do not allow to reassign (R9) is refused by the machine in
 * its first state, before anything is read. A failure keeps every choice and retries with the same
 * idempotency key, so nothing moves twice.
 */
export function ReassignContactsWizard({ ownerId, onClose, className }: ReassignContactsWizardProps) {
  const rootProps = useRootProps('reassign-wizard', className);
  const titleId = useId();
  return (
    <section {...rootProps} aria-labelledby={titleId}>
      <Wizard key={ownerId} ownerId={ownerId} onClose={onClose} titleId={titleId} />
    </section>
  );
}

function Wizard({ ownerId, onClose, titleId }: { ownerId: string; onClose?: () => void; titleId: string }) {
  const messages = useMessages();
  const view = useReassignContacts(ownerId);
  return (
    <>
      <h2 id={titleId} {...part('wizard-title')}>
        {messages.text(view.title)}
      </h2>
      <WizardSteps view={view} ownerId={ownerId} onClose={onClose} />
    </>
  );
}
