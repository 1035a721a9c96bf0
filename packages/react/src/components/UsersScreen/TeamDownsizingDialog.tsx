import type { DownsizingOutcome, TeamDownsizingPreview } from '@offboard/core';
import { useSelector } from '@xstate/react';
import { useTeamDownsizing } from '../../machines/useTeamDownsizing';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { ModalDialog } from '../../parts/ModalDialog';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';

function EntryList({ preview, outcomes }: { preview: TeamDownsizingPreview; outcomes: Readonly<Record<string, DownsizingOutcome>> }) {
  const messages = useMessages();
  return (
    <ul {...part('downsizing-entries')}>
      {preview.entries.map((entry) => {
        const outcome = outcomes[entry.userId];
        const state = outcome?.status ?? (entry.refusal ? 'refused' : 'allowed');
        return (
          <li key={entry.userId} {...part('downsizing-entry', state)} data-user-id={entry.userId}>
            <span {...part('downsizing-name')}>{entry.name}</span>{' '}
            {outcome ? <span {...part('downsizing-outcome')}>{messages.t(`downsizing.outcome.${outcome.status}`)}</span> : null}{' '}
            {entry.refusal ? (
              <ReasonText id={`${entry.userId}-downsizing-reason`} reason={entry.refusal} />
            ) : outcome && 'error' in outcome && outcome.error ? (
              <ReasonText id={`${entry.userId}-downsizing-reason`} reason={outcome.error} />
            ) : outcome ? null : (
              <span>{messages.t('downsizing.entry.allowed')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The batch: one combined preview, one confirmation, then each license in turn (R8 team downsizing). */
function DownsizingPanel({ userIds, onClose }: { userIds: readonly string[]; onClose(): void }) {
  const messages = useMessages();
  const actorRef = useTeamDownsizing(userIds);
  const preview = useSelector(actorRef, (snapshot) => snapshot.context.preview);
  const outcomes = useSelector(actorRef, (snapshot) => snapshot.context.outcomes);
  const error = useSelector(actorRef, (snapshot) => snapshot.context.error);
  const state = useSelector(actorRef, (snapshot) => String(snapshot.value));

  if (state === 'loadFailed' && error) return <ErrorNotice error={error} onRetry={() => actorRef.send({ type: 'RETRY' })} />;
  if (!preview) return <p {...part('loading')}>{messages.t('common.loading')}</p>;

  const allowedNames = preview.entries.filter((entry) => !entry.refusal).map((entry) => entry.name);
  const summary = <p {...part('downsizing-summary')}>{messages.t('downsizing.allowed', { allowed: preview.allowed, count: preview.entries.length })}</p>;

  if (state === 'partial' || state === 'done') {
    // The live region only counts what went through; what did not is said as an alert.
    const failure = Object.values(outcomes).find((outcome) => outcome.status === 'failed');
    return (
      <div {...part('downsizing-result', state)}>
        {failure && 'error' in failure && failure.error ? <ErrorNotice error={failure.error} /> : null}
        <EntryList preview={preview} outcomes={outcomes} />
        <div {...part('confirmation-actions')}>
          <button type="button" {...part('cancel')} onClick={onClose}>
            {messages.t('common.close')}
          </button>
          {state === 'partial' ? (
            <button type="button" {...part('retry')} onClick={() => actorRef.send({ type: 'RETRY' })}>
              {messages.t('common.retry')}
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <div {...part('downsizing-preview')}>
      {summary}
      <ConfirmationPanel
        effects={preview}
        subjectName={messages.list(allowedNames)}
        details={<EntryList preview={preview} outcomes={outcomes} />}
        confirmLabel={messages.t('downsizing.confirm', { count: preview.allowed })}
        busy={state === 'running'}
        error={null}
        canConfirm={preview.allowed > 0}
        onConfirm={() => actorRef.send({ type: 'CONFIRM' })}
        onCancel={onClose}
      />
    </div>
  );
}

interface TeamDownsizingDialogProps {
  userIds: readonly string[];
  open: boolean;
  onOpenChange(open: boolean): void;
}

export function TeamDownsizingDialog({ userIds, open, onOpenChange }: TeamDownsizingDialogProps) {
  const messages = useMessages();
  return (
    <ModalDialog
      open={open}
      onOpenChange={onOpenChange}
      title={messages.t('downsizing.title')}
      description={messages.t('downsizing.description', { count: userIds.length })}
      part="downsizing-dialog"
      role="alertdialog"
    >
      <DownsizingPanel key={userIds.join(' ')} userIds={userIds} onClose={() => onOpenChange(false)} />
    </ModalDialog>
  );
}
