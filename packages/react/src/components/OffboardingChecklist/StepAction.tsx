import type { OffboardError } from '@offboard/core';
import type { StepActionView } from '@offboard/core/machines';
import { useState } from 'react';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { SalespersonSelect } from './SalespersonSelect';

interface StepActionProps {
  action: StepActionView;
  /** A hand-over's salespeople could not be read: the error and its retry take the control's place. */
  salespeopleError: OffboardError | null;
  onRetrySalespeople(): void;
  onChooseContacts(): void;
}

/**
 * The control that performs a step, as `connectOffboarding` gives it: a hand-over names who
 * receives (only the core's candidates, R5; held until the user picks one); a step that takes
 * something away asks first.
 */
export function StepAction({ action, salespeopleError, onRetrySalespeople, onChooseContacts }: StepActionProps) {
  const messages = useMessages();
  const [chosen, setChosen] = useState<string | null>(null);
  const control = action.control(chosen);
  if (salespeopleError && control.state !== 'blocked') {
    return (
      <div {...part('step-action')}>
        <ErrorNotice error={salespeopleError} onRetry={onRetrySalespeople} />
      </div>
    );
  }
  return (
    <div {...part('step-action')}>
      {action.candidates && control.state !== 'blocked' ? (
        <SalespersonSelect candidates={action.candidates} value={chosen ?? ''} onChange={setChosen} />
      ) : null}
      <GuardedButton control={control} />
      {action.choosesContacts ? (
        <button type="button" {...part('choose-contacts')} onClick={onChooseContacts}>
          {messages.t('checklist.chooseContacts')}
        </button>
      ) : null}
    </div>
  );
}
