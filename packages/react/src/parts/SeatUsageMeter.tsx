import type { SeatUsage } from '@offboard/core';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';

/** Paid seats in use out of those bought, in words and as a meter. */
export function SeatUsageMeter({ seats }: { seats: SeatUsage }) {
  const messages = useMessages();
  const text = messages.t('seats.usage', { used: seats.used, total: seats.total });
  return (
    <div {...part('seat-usage', seats.available > 0 ? 'available' : 'full')}>
      <span {...part('seat-usage-text')}>{text}</span>
      <meter {...part('seat-meter')} min={0} max={seats.total} value={seats.used} aria-label={messages.t('seats.label')} aria-valuetext={text} />
    </div>
  );
}
