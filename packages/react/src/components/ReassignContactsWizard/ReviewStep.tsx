import { reassignPreview, selectedCount } from '@offboard/core';
import { useSelector } from '@xstate/react';
import type { ReassignContactsActorRef } from '../../machines/useReassignContacts';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

/** Step 3: what will move where, then submit; a failure keeps every choice and offers a retry. */
export function ReviewStep({ actorRef, ownerName }: { actorRef: ReassignContactsActorRef; ownerName: string }) {
  const messages = useMessages();
  const context = useSelector(actorRef, (snapshot) => snapshot.context);
  const submitting = useSelector(actorRef, (snapshot) => snapshot.matches('submitting'));
  const failed = useSelector(actorRef, (snapshot) => snapshot.matches('failed'));
  // One share per chosen salesperson, in the order they were chosen.
  const preview = reassignPreview(context);
  const nameOf = (userId: string) => context.candidates.find((candidate) => candidate.id === userId)?.name ?? userId;

  return (
    <div {...part('review-step')}>
      <p {...part('review-summary')}>{messages.t('wizard.review', { count: selectedCount(context.selection, context.ownerContacts), name: ownerName })}</p>
      <ConfirmationPanel
        effects={null}
        subjectName={ownerName}
        details={
          <ul {...part('review-targets')}>
            {preview.map(({ userId, contacts }) => (
              <li key={userId} {...part('review-target')} data-user-id={userId}>
                {nameOf(userId)}: {messages.t('wizard.receives', { count: contacts })}
              </li>
            ))}
          </ul>
        }
        confirmLabel={messages.t('wizard.submit')}
        tone="default"
        busy={submitting}
        error={failed ? context.error : null}
        onConfirm={() => actorRef.send({ type: 'SUBMIT' })}
        onRetry={() => actorRef.send({ type: 'RETRY' })}
        onCancel={() => actorRef.send({ type: 'BACK' })}
        cancelLabel={messages.t('common.back')}
      />
    </div>
  );
}
