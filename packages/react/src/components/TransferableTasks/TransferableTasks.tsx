'use client';

import { toOffboardError, type Task } from '@offboard/core';
import type { KeyedActionView } from '@offboard/core/machines';
import { useId } from 'react';
import { useCallerView } from '../../bindings/useCallerView';
import { useKeyedAction } from '../../bindings/useKeyedAction';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { GuardedButton } from '../../parts/GuardedButton';
import { ReasonText } from '../../parts/ReasonText';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { useTransferableTasks } from '../../queries/taskQueries';
import { useUser } from '../../queries/userQueries';

export interface TransferableTasksProps {
  /** Added to the root element's classes. */
  className?: string;
}

interface TaskRowProps {
  task: Task;
  /** Whether the caller may read whoever left the task, inactive users included (R12). */
  namesPrevious: boolean;
  take: KeyedActionView;
  /** The id of the refusal said once above the list, when the caller may take no task at all. */
  refusalId: string | undefined;
}

function TaskRow({ task, namesPrevious, take, refusalId }: TaskRowProps) {
  const messages = useMessages();
  const previous = useUser(task.assigneeId, { enabled: namesPrevious });
  return (
    <>
      <span {...part('task-text')}>
        <span {...part('task-title')}>{task.title}</span>
        {previous.data ? <span {...part('task-from')}>{messages.t('tasks.from', { name: previous.data.name })}</span> : null}
      </span>
      <GuardedButton control={take.control} reasonId={refusalId} aria-label={`${messages.t('tasks.take')}: ${task.title}`} />
      {take.error ? <ErrorNotice error={take.error} onRetry={take.retry} /> : null}
    </>
  );
}

/**
 * Open tasks marked "User deactivated" (R2) that the current salesperson can take (R6). Taking
 * one is a keyed intent of the core's `keyedActionMachine`: the caller's standing is judged first
 * (anyone but a salesperson sees why the button does nothing), and a retry reuses the key (R11).
 */
export function TransferableTasks({ className }: TransferableTasksProps) {
  const messages = useMessages();
  const rootProps = useRootProps('transferable-tasks', className);
  const titleId = useId();
  const introId = useId();
  const tasks = useTransferableTasks();
  const { connect, refusal } = useKeyedAction('salesperson');
  const refusalId = useId();
  // R12: whoever left a task may be inactive, and a member may not read inactive users: their tasks name nobody.
  const namesPrevious = useCallerView().seesInactiveUsers;

  return (
    <section {...rootProps} aria-labelledby={titleId} aria-busy={tasks.isPending || undefined}>
      <h2 id={titleId} {...part('tasks-title')}>
        {messages.t('tasks.title')}
      </h2>
      {tasks.isPending ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
      {tasks.error ? <ErrorNotice error={toOffboardError(tasks.error)} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data?.length === 0 ? <p {...part('tasks-empty')}>{messages.t('tasks.empty')}</p> : null}
      {tasks.data?.length ? (
        <>
          {/* R2's marker is the same on every task: said once, above them, rather than on each row. */}
          <p id={introId} {...part('tasks-intro')}>
            {messages.t('tasks.intro')}
          </p>
          {/* R6: a caller who may take no task is told once, and every button points here. */}
          {refusal ? <ReasonText id={refusalId} reason={refusal} /> : null}
          <ul {...part('task-list')} aria-describedby={introId}>
            {tasks.data.map((task) => (
              <li key={task.id} {...part('task')} data-task-id={task.id}>
                <TaskRow
                  task={task}
                  namesPrevious={namesPrevious}
                  take={connect({ kind: 'takeTask', taskId: task.id }, { part: 'take-task', label: { key: 'tasks.take' } })}
                  refusalId={refusal ? refusalId : undefined}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
