import type { ReassignContactsView } from '@offboard/core/machines';
import { useId, useState } from 'react';
import { LicenseBadge } from '../../parts/LicenseBadge';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';
import { WizardNavigation } from './WizardNavigation';

type Mode = 'one' | 'split';

/**
 * Step 2: one salesperson, or several to split the contacts evenly among. Only the core's
 * candidates are offered (R5: active salespeople other than the owner), with what each receives.
 */
export function TargetsStep({ targets }: { targets: NonNullable<ReassignContactsView['targets']> }) {
  const messages = useMessages();
  const groupName = useId();
  const noneId = useId();
  const [mode, setMode] = useState<Mode>(targets.candidates.filter((candidate) => candidate.chosen).length > 1 ? 'split' : 'one');

  const chooseMode = (next: Mode) => {
    setMode(next);
    if (next === 'one') targets.keepFirst();
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
      <fieldset {...part('targets')} aria-describedby={targets.noneReason ? noneId : undefined}>
        <legend>{messages.t('wizard.targets')}</legend>
        {targets.noneReason ? <ReasonText id={noneId} reason={targets.noneReason} /> : null}
        {targets.candidates.map(({ user, chosen, share, attributes }) => (
          <label key={user.id} {...part(attributes['data-part'], attributes['data-state'])} data-user-id={user.id}>
            <input
              type={mode === 'one' ? 'radio' : 'checkbox'}
              name={mode === 'one' ? `${groupName}-target` : undefined}
              checked={chosen}
              onChange={() => (mode === 'one' ? targets.only(user.id) : targets.toggle(user.id))}
            />
            <span {...part('target-name')}>{user.name}</span>
            <LicenseBadge license={user.license} />
            {share ? <span {...part('target-share')}>{messages.text(share)}</span> : null}
          </label>
        ))}
      </fieldset>
      <WizardNavigation onBack={targets.back} next={targets.next} />
    </div>
  );
}
