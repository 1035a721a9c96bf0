import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { es } from '../../i18n/es';
import { renderWithOffboard } from '../../../test/renderWithOffboard';
import { TransferableTasks } from './TransferableTasks';

describe('TransferableTasks', () => {
  it('R6: lists the tasks left by deactivated users and lets a salesperson take one', async () => {
    const { user, backend } = renderWithOffboard(<TransferableTasks />, { actorId: 'u-carla' });
    const list = await screen.findByRole('list');
    const tasks = within(list).getAllByRole('listitem');
    expect(tasks).toHaveLength(5);
    expect(tasks[0]).toHaveTextContent('User deactivated');
    expect(await within(tasks[0]!).findByText('Was assigned to Karla Jiménez')).toBeInTheDocument();

    const title = tasks[0]!.querySelector('[data-part="task-title"]')!.textContent!;
    await user.click(within(tasks[0]!).getByRole('button', { name: `Take task: ${title}` }));
    expect(await screen.findByRole('status')).toHaveTextContent(`“${title}” is now yours.`);
    await expect.poll(() => within(list).queryAllByRole('listitem').length).toBe(4);
    const taken = (await backend.listTasks({ assigneeId: 'u-carla', transferable: false, state: 'created' })).items.map((task) => task.title);
    expect(taken).toContain(title);
  });

  it('R6: someone who is not a salesperson sees why they cannot take tasks', async () => {
    renderWithOffboard(<TransferableTasks />, { actorId: 'u-nora' });
    const buttons = await screen.findAllByRole('button', { name: /^Take task/ });
    await expect.poll(() => buttons[0]!.getAttribute('aria-disabled')).toBe('true');
    expect(buttons[0]).toHaveAccessibleDescription('Only a salesperson with an active license can take tasks.');
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
