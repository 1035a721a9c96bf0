import { DEMO_ORGANISATION_ID } from '@offboard/core/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { es } from '@offboard/core/i18n';
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
    // R2's marker is said once, and describes the list.
    expect(list).toHaveAccessibleDescription('Marked “User deactivated”: whoever had these open tasks can no longer sign in. Take one to make it yours.');
    expect(screen.getAllByText(/User deactivated/)).toHaveLength(1);
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

  it('R6: someone who may take no task is told once, above the list, and every button is described by it and does nothing', async () => {
    // Nora is an admin without a license: not a salesperson.
    const { user, adapter } = renderWithOffboard(<TransferableTasks />, { actorId: 'u-nora' });
    const buttons = await screen.findAllByRole('button', { name: /^Take task: / });
    await expect.poll(() => buttons[0]!.getAttribute('data-state')).toBe('blocked');
    const reason = 'Only an active salesperson can take a task.';
    expect(screen.getAllByText(reason)).toHaveLength(1);
    for (const button of buttons) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    }
    await user.click(buttons[0]!);
    expect(adapter.calls.takeTask).toBeUndefined();
  });
});
