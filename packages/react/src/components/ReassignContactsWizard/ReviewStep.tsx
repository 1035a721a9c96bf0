import type { ReassignContactsView } from '@offboard/core/machines';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

/** Step 3: what will move where, then submit; a failure keeps every choice and offers a retry. */
export function ReviewStep({ review }: { review: NonNullable<ReassignContactsView['review']> }) {
  const messages = useMessages();
  return (
    <div {...part('review-step')}>
      <p {...part('review-summary')}>{messages.text(review.summary)}</p>
      <ConfirmationPanel
        confirmation={review.confirmation}
        details={
          <ul {...part('review-targets')}>
            {review.shares.map(({ userId, name, receives }) => (
              <li key={userId} {...part('review-target')} data-user-id={userId}>
                {name}: {messages.text(receives)}
              </li>
            ))}
          </ul>
        }
      />
    </div>
  );
}
