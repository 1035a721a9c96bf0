import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface WizardNavigationProps {
  onBack?: () => void;
  /** The machine's guard for NEXT: without a selection (or a target) there is nowhere to go. */
  canContinue: boolean;
  onNext(): void;
}

/** Back and Next; Next stays focusable while the step is incomplete. */
export function WizardNavigation({ onBack, canContinue, onNext }: WizardNavigationProps) {
  const messages = useMessages();
  return (
    <div {...part('wizard-navigation')}>
      {onBack ? (
        <button type="button" {...part('back')} onClick={onBack}>
          {messages.t('common.back')}
        </button>
      ) : null}
      <button type="button" {...part('next', canContinue ? 'ready' : 'blocked')} aria-disabled={!canContinue || undefined} onClick={canContinue ? onNext : undefined}>
        {messages.t('common.next')}
      </button>
    </div>
  );
}
