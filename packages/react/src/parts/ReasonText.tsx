import type { Explainable } from '@offboard/core/i18n';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';

/** Why something is blocked, in words; controls point at it with `aria-describedby`. */
export function ReasonText({ id, reason }: { id: string; reason: Explainable }) {
  const { explain } = useMessages();
  return (
    <span id={id} {...part('reason')} data-code={reason.code}>
      {explain(reason)}
    </span>
  );
}
