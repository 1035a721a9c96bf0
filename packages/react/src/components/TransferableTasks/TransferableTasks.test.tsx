import { DEMO_ORGANISATION_ID } from '@offboard/core/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { es } from '../../i18n/es';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { offboardKeys } from '../../queries/queryKeys';
import { TransferableTasks } from './TransferableTasks';

const carla = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-carla', kind: 'user' } as const;

describe('TransferableTasks', () => {
  it('R6: lists the tasks left by deactivated users and lets a salesperson take one', async () => {
    const { user, backend, adapter, queryClient } = renderWithOffboard(<TransferableTasks />, { actorId: 'u-carla' });
    const list = await screen.findByRole('list');
    const tasks = within(list).getAllByRole('listitem');
    expect(tasks).toHaveLength(5);
    expect(tasks[0]).toHaveTextContent('User deactivated');
    // R12: Carla, a member, may not read inactive users such as Karla, who left the first task:
    // once her own record is known, no task names anyone and nobody else is asked for.
    await expect.poll(() => queryClient.getQueryState(offboardKeys.user(carla, 'u-carla'))?.status).toBe('success');
    expect(list.querySelector('[data-part="task-from"]')).toBeNull();
    expect(adapter.calls.getUser).toBe(1);

    const title = tasks[0]!.querySelector('[data-part="task-title"]')!.textContent!;
    await user.click(within(tasks[0]!).getByRole('button', { name: `Take task: ${title}` }));
    expect(await screen.findByRole('status')).toHaveTextContent(`“${title}” is now yours.`);
    await expect.poll(() => within(list).queryAllByRole('listitem').length).toBe(4);
    const taken = (await backend.listTasks({ assigneeId: 'u-carla', transferable: false, state: 'created' }, observer)).items.map((task) => task.title);
    expect(taken).toContain(title);
  });

  it('R12: an admin who is a salesperson sees who left each task, inactive users included', async () => {
    renderWithOffboard(<TransferableTasks />);
    const tasks = await screen.findAllByRole('listitem');
    expect(await within(tasks[0]!).findByText('Was assigned to Karla Jiménez')).toBeInTheDocument();
  });

  it('R6: someone who is not a salesperson sees why they cannot take tasks', async () => {
    renderWithOffboard(<TransferableTasks />, { actorId: 'u-nora' });
    const buttons = await screen.findAllByRole('button', { name: /^Take task/ });
    await expect.poll(() => buttons[0]!.getAttribute('aria-disabled')).toBe('true');
    expect(buttons[0]).toHaveAccessibleDescription('Only an active salesperson can take a task.');
  });

  it.each(['before', 'after'] as const)('R11: taking a task survives a network failure %s the change and applies once', async (when) => {
    const { user, adapter, auditCount } = renderWithOffboard(<TransferableTasks />, { actorId: 'u-carla' });
    const [first] = await screen.findAllByRole('listitem');
    const taskId = first!.dataset.taskId!;
    adapter.failNext('takeTask', { when });
    await user.click(within(first!).getByRole('button', { name: /^Take task/ }));
    const alert = await within(first!).findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('is now yours.');
    expect(await auditCount('task.taken', taskId)).toBe(1);
  });

  it('says when nothing is waiting, in Spanish too', async () => {
    const { user } = renderWithOffboard(<TransferableTasks />, { actorId: 'u-carla', locale: 'es', messages: es });
    expect(await screen.findByRole('heading', { name: 'Tareas que puedes tomar' })).toBeInTheDocument();
    for (let left = 5; left > 0; left--) {
      const [first] = await screen.findAllByRole('button', { name: /^Tomar tarea/ });
      await user.click(first!);
      await expect.poll(() => screen.queryAllByRole('button', { name: /^Tomar tarea/ }).length).toBe(left - 1);
    }
    expect(await screen.findByText('Ninguna tarea espera a que alguien la tome.')).toBeInTheDocument();
  });
});
