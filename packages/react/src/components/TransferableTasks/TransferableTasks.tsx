'use client';

import { TRANSFER_REASON_USER_DEACTIVATED, toOffboardError, type Task } from '@offboard/core';
import { useId } from 'react';
import type { Explainable } from '../../i18n/createTranslator';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages, useOffboard } from '../../provider/OffboardContext';
import { useTransferableTasks } from '../../queries/taskQueries';
import { useKeyedMutation } from '../../queries/useKeyedMutation';
import { useCallerAccess } from '../../queries/useCallerAccess';
import { useRefreshAfterChange } from '../../queries/useRefreshAfterChange';
import { useUser } from '../../queries/userQueries';

export interface TransferableTasksProps {
  /** Added to the root element's classes. */
  className?: string;
}

interface TaskRowProps {
  task: Task;
  /** Whether the caller may read whoever left the task, inactive users included (R12). */
  namesPrevious: boolean;
  refusal: Explainable | null;
  taking: boolean;
  onTake(): void;
}

function TaskRow({ task, namesPrevious, refusal, taking, onTake }: TaskRowProps) {
  const messages = useMessages();
  const previous = useUser(task.assigneeId, { enabled: namesPrevious });
  return (
    <>
      <span {...part('task-title')}>{task.title}</span>
      {task.transferReason === TRANSFER_REASON_USER_DEACTIVATED ? (
        <span {...part('task-reason')}>{messages.t('tasks.reason.userDeactivated')}</span>
      ) : null}
      {previous.data ? <span {...part('task-from')}>{messages.t('tasks.from', { name: previous.data.name })}</span> : null}
      <GuardedButton partName="take-task" refusal={refusal} busy={taking} onClick={onTake} aria-label={`${messages.t('tasks.take')}: ${task.title}`}>
        {messages.t('tasks.take')}
      </GuardedButton>
    </>
  );
}

/**
 * Open tasks marked "User deactivated" (R2) that the current salesperson can take (R6). Taking
 * one is a single call whose idempotency key is made per click and reused by its retry (R11).
 */
export function TransferableTasks({ className }: TransferableTasksProps) {
  const { adapter, caller, announce } = useOffboard();
  const messages = useMessages();
  const rootProps = useRootProps('transferable-tasks', className);
  const titleId = useId();
  const tasks = useTransferableTasks();
  const refresh = useRefreshAfterChange();
  const take = useKeyedMutation(
    (taskId: string, idempotencyKey: string) => adapter.takeTask(taskId, { ...caller, idempotencyKey }),
    (change) => {
      void refresh('tasks');
      announce(messages.t('done.task.taken', { title: change.task.title }));
    },
  );
  const access = useCallerAccess();
  // R6: only a salesperson takes tasks; anyone else sees why the button does nothing.
  const refusal = access.standing('salesperson') ?? null;
  // R12: a member may not read inactive users, and whoever left a task may be one: asking would
  // only be refused, so a member's tasks name nobody.
  const namesPrevious = access.read({ read: 'users', status: 'inactive' }) === null;

  return (
    <section {...rootProps} aria-labelledby={titleId} aria-busy={tasks.isPending || undefined}>
      <h2 id={titleId} {...part('tasks-title')}>
        {messages.t('tasks.title')}
      </h2>
      {tasks.isPending ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
      {tasks.error ? <ErrorNotice error={toOffboardError(tasks.error)} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data?.length === 0 ? <p {...part('tasks-empty')}>{messages.t('tasks.empty')}</p> : null}
      {tasks.data?.length ? (
        <ul {...part('task-list')}>
          {tasks.data.map((task) => (
            <li key={task.id} {...part('task')} data-task-id={task.id}>
              <TaskRow
                task={task}
                namesPrevious={namesPrevious}
                refusal={refusal}
                taking={take.busy && take.variables === task.id}
                onTake={() => take.start(task.id)}
              />
              {take.error && take.variables === task.id ? <ErrorNotice error={take.error} onRetry={take.retry} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
