import type { PendingScheduleView } from '@offboard/core/machines';
import { useKeyedAction } from '../bindings/useKeyedAction';
import { useMessages } from '../provider/OffboardContext';
import { ErrorNotice } from './ErrorNotice';
import { GuardedButton } from './GuardedButton';
import { part } from './partProps';

/**
 * R15: the pending schedules where a user appears (the license dialog, a checklist step): what and
 * when, in the viewer's locale and time zone, its reason, and Cancel, a keyed action (R11) under
 * the schedule's version; a failure shows beside it with a retry under the same key. Mounted only
 * where there is one, so a view without schedules starts no keyed action.
 */
export function PendingScheduleNotice({ schedules }: { schedules: readonly PendingScheduleView[] }) {
  const { connect } = useKeyedAction('admin');
  const messages = useMessages();
  return (
    <ul {...part('pending-schedules')}>
      {schedules.map(({ schedule, label, reason, cancel }) => {
        const action = connect(cancel.request, cancel.options);
        return (
          <li key={schedule.id} {...part('pending-schedule')} data-scope={schedule.scope}>
            <span {...part('pending-schedule-label')}>{messages.text(label)}</span>
            {reason ? <span {...part('pending-schedule-reason')}>{messages.text(reason)}</span> : null}
            {/* Named with its schedule: a user may have two pending, each with its own Cancel. */}
            <GuardedButton control={action.control} aria-label={`${messages.text(cancel.options.label)}: ${messages.text(label)}`} />
            {action.error ? <ErrorNotice error={action.error} onRetry={action.retry} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
