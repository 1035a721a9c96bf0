import type { ControlView } from '@offboard/core/machines';
import { GuardedButton } from '../../parts/GuardedButton';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

interface WizardNavigationProps {
  onBack?: () => void;
  /** Next: held, and saying what the step lacks, while the machine's guard keeps the wizard here. */
  next: ControlView;
}

/** Back and Next; Next stays focusable while the step is incomplete and says what it lacks. */
export function WizardNavigation({ onBack, next }: WizardNavigationProps) {
  const messages = useMessages();
  return (
    <div {...part('wizard-navigation')}>
      {onBack ? (
        <button type="button" {...part('back')} onClick={onBack}>
          {messages.t('common.back')}
        </button>
      ) : null}
      <GuardedButton control={next} />
    </div>
  );
}
