import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface WizardNavigationProps {
  onBack?: () => void;
  /** Why NEXT's guard holds the wizard here (nothing selected, no salesperson chosen), or null. */
  hold: string | null;
  onNext(): void;
}

/** Back and Next; Next stays focusable while the step is incomplete and says what it lacks. */
export function WizardNavigation({ onBack, hold, onNext }: WizardNavigationProps) {
  const messages = useMessages();
  return (
    <div {...part('wizard-navigation')}>
      {onBack ? (
        <button type="button" {...part('back')} onClick={onBack}>
          {messages.t('common.back')}
        </button>
      ) : null}
      <GuardedButton partName="next" refusal={null} hold={hold} onClick={onNext}>
        {messages.t('common.next')}
      </GuardedButton>
    </div>
  );
}
