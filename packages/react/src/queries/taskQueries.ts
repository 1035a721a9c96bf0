import { readAllPages } from '@offboard/core';
import { useQuery } from '@tanstack/react-query';
import { useOffboard } from '../provider/OffboardContext';
import { offboardKeys } from './queryKeys';

const WAITING = { transferable: true, state: 'created' } as const;

/** R6: open tasks that R2 made transferable, waiting for a salesperson to take them. */
export function useTransferableTasks() {
  const { adapter, caller } = useOffboard();
  return useQuery({
    queryKey: offboardKeys.taskList(caller, WAITING),
    queryFn: () => readAllPages((cursor) => adapter.listTasks({ ...WAITING, cursor, limit: 500 }, caller)),
  });
}
