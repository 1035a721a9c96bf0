import type { TeamDownsizingView } from '@offboard/core/machines';
import { useTeamDownsizing } from '../../bindings/useTeamDownsizing';
import { ConfirmationPanel } from '../../parts/ConfirmationPanel';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { ModalDialog } from '../../parts/ModalDialog';
import { part } from '../../parts/partProps';
import { ReasonText } from '../../parts/ReasonText';
import { useMessages } from '../../provider/OffboardContext';

function EntryList({ entries }: { entries: TeamDownsizingView['entries'] }) {
  const messages = useMessages();
  return (
    <ul {...part('downsizing-entries')}>
      {entries.map((entry) => (
        <li key={entry.userId} {...part(entry.attributes['data-part'], entry.attributes['data-state'])} data-user-id={entry.userId}>
          <span {...part('downsizing-name')}>{entry.name}</span>{' '}
          {entry.outcome ? <span {...part('downsizing-outcome', entry.state)}>{messages.text(entry.outcome)}</span> : null}{' '}
          {entry.reason ? (
            <ReasonText id={`${entry.userId}-downsizing-reason`} reason={entry.reason} />
          ) : entry.note ? (
            <span {...part('downsizing-note')}>{messages.text(entry.note)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The batch, rendered from `connectTeamDownsizing`: one combined preview, one confirmation, then each license in turn (R8 team downsizing). */
function DownsizingPanel({ userIds, onClose }: { userIds: readonly string[]; onClose(): void }) {
  const messages = useMessages();
  const view = useTeamDownsizing(userIds, onClose);

  const error = view.refusal ?? view.loadError;
  if (error) return <ErrorNotice error={error} onRetry={view.retryLoad} />;
  if (!view.summary) return <p {...part('loading')}>{messages.t('common.loading')}</p>;
  const summary = <p {...part('downsizing-summary')}>{messages.text(view.summary)}</p>;

  if (!view.confirmation) {
    // The live region only counts what went through; what did not is said as an alert.
    return (
      <div {...part(view.attributes['data-part'], view.attributes['data-state'])}>
        {view.failure ? <ErrorNotice error={view.failure} /> : null}
        <EntryList entries={view.entries} />
        <div {...part('confirmation-actions')}>
          <button type="button" {...part('cancel')} onClick={onClose}>
            {messages.t('common.close')}
          </button>
          {view.retry ? (
            <button type="button" {...part('retry')} onClick={view.retry}>
              {messages.t('common.retry')}
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <div {...part(view.attributes['data-part'])}>
      {summary}
      <ConfirmationPanel confirmation={view.confirmation} details={<EntryList entries={view.entries} />} />
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
