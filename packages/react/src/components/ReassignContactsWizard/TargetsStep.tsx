import { reassignPreview } from '@offboard/core';
import { useSelector } from '@xstate/react';
import { useId, useState } from 'react';
import type { ReassignContactsActorRef } from '../../machines/useReassignContacts';
import { LicenseBadge } from '../../parts/LicenseBadge';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';
import { WizardNavigation } from './WizardNavigation';

type Mode = 'one' | 'split';

/**
 * Step 2: one salesperson, or several to split the contacts evenly among. Only the machine's
 * candidates are offered (R5: active salespeople other than the owner), with what each receives.
 */
export function TargetsStep({ actorRef }: { actorRef: ReassignContactsActorRef }) {
  const messages = useMessages();
  const groupName = useId();
  const noneId = useId();
  const context = useSelector(actorRef, (snapshot) => snapshot.context);
  const canContinue = useSelector(actorRef, (snapshot) => snapshot.can({ type: 'NEXT' }));
  const [mode, setMode] = useState<Mode>(context.targets.length > 1 ? 'split' : 'one');
  const preview = reassignPreview(context);

  const chooseMode = (next: Mode) => {
    setMode(next);
    if (next === 'one') actorRef.send({ type: 'SET_TARGETS', userIds: context.targets.slice(0, 1) });
  };

  return (
    <div {...part('targets-step', mode)}>
      <fieldset {...part('mode')}>
        <legend>{messages.t('wizard.mode')}</legend>
        {(['one', 'split'] as const).map((option) => (
          <label key={option} {...part('mode-option')}>
            <input type="radio" name={`${groupName}-mode`} value={option} checked={mode === option} onChange={() => chooseMode(option)} />
            {messages.t(`wizard.mode.${option}`)}
          </label>
        ))}
      </fieldset>
      <fieldset {...part('targets')} aria-describedby={context.candidates.length === 0 ? noneId : undefined}>
        <legend>{messages.t('wizard.targets')}</legend>
        {context.candidates.length === 0 ? <ReasonText id={noneId} reason={{ code: 'NO_ELIGIBLE_TARGET', details: {} }} /> : null}
        {context.candidates.map((candidate) => {
          const chosen = context.targets.includes(candidate.id);
          return (
            <label key={candidate.id} {...part('target', chosen ? 'chosen' : 'unchosen')} data-user-id={candidate.id}>
              <input
                type={mode === 'one' ? 'radio' : 'checkbox'}
                name={mode === 'one' ? `${groupName}-target` : undefined}
                checked={chosen}
                onChange={() =>
                  actorRef.send(mode === 'one' ? { type: 'SET_TARGETS', userIds: [candidate.id] } : { type: 'TOGGLE_TARGET', userId: candidate.id })
                }
              />
              <span {...part('target-name')}>{candidate.name}</span>
              <LicenseBadge license={candidate.license} />
              {chosen ? <span {...part('target-share')}>{messages.t('wizard.receives', { count: preview.find((share) => share.userId === candidate.id)?.contacts ?? 0 })}</span> : null}
            </label>
          );
        })}
      </fieldset>
      <WizardNavigation onBack={() => actorRef.send({ type: 'BACK' })} hold={canContinue ? null : messages.t('wizard.hold.targets')} onNext={() => actorRef.send({ type: 'NEXT' })} />
    </div>
  );
}
