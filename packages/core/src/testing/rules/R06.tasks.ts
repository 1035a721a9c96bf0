import { describe, expect, it } from 'vitest';
import { TRANSFER_REASON_USER_DEACTIVATED, type Task } from '../../domain/types';
import { demoOrganisation } from '../../fixtures/demoOrganisation';
import type { Fresh } from '../context';
import { people } from '../context';
import { as, latestAudit, refusedWithoutChange } from '../harness';
import { observer } from '../harness';

export function tasksSuite(fresh: Fresh): void {
  describe('R6 Tasks', () => {
    it('R6: another salesperson takes a transferable task: it becomes theirs and stops being transferable', async () => {
      const adapter = await fresh();
      const [task] = (await adapter.listTasks({ transferable: true, assigneeId: people.inactive }, observer)).items;
      const { task: taken, audit } = await adapter.takeTask(task!.id, as(people.salesperson));
      expect(taken).toMatchObject({ id: task!.id, assigneeId: people.salesperson, transferable: false, transferReason: null, version: task!.version + 1 });
      expect(audit).toMatchObject({ actorId: people.salesperson, action: 'task.taken', target: { type: 'task', id: task!.id } });
      expect(audit.effects.tasksMoved).toEqual({ fromUserId: people.inactive, toUserId: people.salesperson, taskIds: [task!.id] });
      expect((await adapter.listTasks({ transferable: true }, observer)).items.map((candidate) => candidate.id)).not.toContain(task!.id);
    });

    it('R6: a non-transferable task cannot be taken (TASK_NOT_TRANSFERABLE)', async () => {
      const adapter = await fresh();
      const [task] = (await adapter.listTasks({ assigneeId: people.spainSeller, state: 'created' }, observer)).items;
      await refusedWithoutChange(adapter, 'TASK_NOT_TRANSFERABLE', () => adapter.takeTask(task!.id, as(people.salesperson)));
    });

    it('R6: a completed task cannot be taken (TASK_NOT_TRANSFERABLE), even from a deactivated user', async () => {
      const adapter = await fresh();
      const [task] = (await adapter.listTasks({ assigneeId: people.inactive, state: 'completed' }, observer)).items;
      await refusedWithoutChange(adapter, 'TASK_NOT_TRANSFERABLE', () => adapter.takeTask(task!.id, as(people.salesperson)));
    });

    it('R6: a completed task still marked transferable cannot be taken either: only open tasks move', async () => {
      // Data as an older system might have left it: completed, yet flagged for a taker.
      const demo = demoOrganisation();
      const stale = demo.tasks.find((task) => task.assigneeId === people.inactive && task.state === 'completed')!;
      const tasks = demo.tasks.map((task): Task => (task.id === stale.id ? { ...task, transferable: true, transferReason: TRANSFER_REASON_USER_DEACTIVATED } : task));
      const adapter = await fresh({ data: { ...demo, tasks } });
      const error = await refusedWithoutChange(adapter, 'TASK_NOT_TRANSFERABLE', () => adapter.takeTask(stale.id, as(people.salesperson)));
      expect(error.details).toMatchObject({ id: stale.id, state: 'completed' });
    });

    it('R6: only a salesperson can take a task (FORBIDDEN), and an unknown task is NOT_FOUND', async () => {
      const adapter = await fresh();
      const [task] = (await adapter.listTasks({ transferable: true }, observer)).items;
      for (const actor of [people.unlicensedMember, people.unlicensedAdmin, people.formerSeller, people.inactive, 'u-nobody']) {
        await refusedWithoutChange(adapter, 'FORBIDDEN', () => adapter.takeTask(task!.id, as(actor)));
      }
      await refusedWithoutChange(adapter, 'NOT_FOUND', () => adapter.takeTask('t-999', as(people.salesperson)));
    });

    it('R6: a task taken once cannot be taken again by someone else', async () => {
      const adapter = await fresh();
      const [task] = (await adapter.listTasks({ transferable: true }, observer)).items;
      await adapter.takeTask(task!.id, as(people.salesperson));
      await refusedWithoutChange(adapter, 'TASK_NOT_TRANSFERABLE', () => adapter.takeTask(task!.id, as(people.spainSeller)));
    });

    it('R6 (R8 step 2): an admin hands a user’s open tasks to a salesperson; completed ones stay in history', async () => {
      const adapter = await fresh();
      const open = (await adapter.listTasks({ assigneeId: people.lastInColombia, state: 'created' }, observer)).items.map((task) => task.id);
      const completed = (await adapter.listTasks({ assigneeId: people.lastInColombia, state: 'completed' }, observer)).items;
      const result = await adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.admin }, as(people.admin));
      expect([...result.taskIds].sort()).toEqual([...open].sort());
      expect((await latestAudit(adapter))?.action).toBe('tasks.transferred');
      expect((await adapter.listTasks({ assigneeId: people.lastInColombia, state: 'created' }, observer)).total).toBe(0);
      expect((await adapter.listTasks({ assigneeId: people.lastInColombia, state: 'completed' }, observer)).items).toEqual(completed);
      const mine = (await adapter.listTasks({ assigneeId: people.admin }, observer)).items;
      expect(open.every((id) => mine.some((task) => task.id === id && !task.transferable))).toBe(true);
    });

    it('R6 (R8 step 2): handing over a completed task, to a non-salesperson, or by a member is refused', async () => {
      const adapter = await fresh();
      const [completed] = (await adapter.listTasks({ assigneeId: people.lastInColombia, state: 'completed' }, observer)).items;
      await refusedWithoutChange(adapter, 'TASK_NOT_TRANSFERABLE', () =>
        adapter.transferTasks({ fromUserId: people.lastInColombia, taskIds: [completed!.id], toUserId: people.admin }, as(people.admin)),
      );
      await refusedWithoutChange(adapter, 'INVALID_REASSIGN_TARGET', () =>
        adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.unlicensedMember }, as(people.admin)),
      );
      await refusedWithoutChange(adapter, 'FORBIDDEN', () =>
        adapter.transferTasks({ fromUserId: people.lastInColombia, toUserId: people.salesperson }, as(people.salesperson)),
      );
      const [other] = (await adapter.listTasks({ assigneeId: people.salesperson, state: 'created' }, observer)).items;
      await refusedWithoutChange(adapter, 'VERSION_CONFLICT', () =>
        adapter.transferTasks({ fromUserId: people.lastInColombia, taskIds: [other!.id], toUserId: people.admin }, as(people.admin)),
      );
    });
  });
}
