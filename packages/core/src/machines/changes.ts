import type { PhoneNumberChange, ReassignContactsResult, ScheduleChange, TaskChange, TransferTasksResult, UserChange } from '../adapter/OffboardAdapter';
import { CHANGE_TOUCHES, type RecordKind } from '../domain/changes';
import { text, type Text } from '../i18n/text';

/** Any change's result: each carries the audit entry it wrote (R10). */
export type ChangeResult = UserChange | TaskChange | PhoneNumberChange | ReassignContactsResult | TransferTasksResult | ScheduleChange;

/**
 * What every machine emits after a successful change: the results, each with the audit entry it
 * wrote, and words for the whole intent where they say more than the first result's (a checklist
 * step, a batch of licenses).
 */
export interface ChangedEvent {
  readonly type: 'changed';
  readonly results: readonly ChangeResult[];
  readonly announcement?: Text;
}

export interface ChangeFeedback {
  /** The records the change made stale, to refresh every view of them. */
  readonly touches: readonly RecordKind[];
  /** What to say once it is done, in words a screen reader reads and a toast shows. */
  readonly announcement: Text;
}

/**
 * After a change: what to refresh and what to say, from its results (several for one intent, such
 * as R4's way out deactivating each number of a country), or in the words the machine gave for the
 * whole intent. One answer for every binding, so no view wires "refresh and announce" by hand.
 */
export function changeFeedback(results: readonly ChangeResult[], announcement?: Text): ChangeFeedback {
  const touches = [...new Set(results.flatMap((result) => CHANGE_TOUCHES[result.audit.action]))];
  const first = results[0];
  if (announcement || !first) return { touches, announcement: announcement ?? text('common.done') };
  const action = first.audit.action;
  const said = (() => {
    if ('schedule' in first) return text(`done.${action}`, { at: first.schedule.at });
    if ('user' in first) return text(`done.${action}`, { name: first.user.name, ...(first.user.license ? { country: first.user.license.country } : {}) });
    if ('task' in first) return text(`done.${action}`, { title: first.task.title });
    if ('phoneNumber' in first) return text(`done.${action}`, { count: results.length });
    if ('moved' in first) return text(`done.${action}`, { count: first.total });
    return text(`done.${action}`, { count: first.taskIds.length });
  })();
  return { touches, announcement: said };
}
