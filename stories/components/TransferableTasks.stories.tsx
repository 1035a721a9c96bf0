import type { Meta, StoryObj } from '@storybook/react-vite';
import type { OffboardData } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { TransferableTasks } from '@offboard/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { NETWORK_ERROR_MESSAGE, auditCount, expectAnnounced, expectBlocked, loadedOf, themeOf } from '../support/play';
import { LOADING } from '../support/storyStates';

const meta = {
  title: 'Components/TransferableTasks',
  component: TransferableTasks,
  // Taking a task is a salesperson's act (R6): Carla, a member with an active license in Spain.
  parameters: {
    offboard: { actorId: 'u-carla' },
    docs: {
      description: {
        component:
          'Open tasks marked “User deactivated” (R2) that the signed-in salesperson can take (R6): here Carla Méndez, who may take them. Each take is one request whose idempotency key is reused by its retry.',
      },
    },
  },
} satisfies Meta<typeof TransferableTasks>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Nobody left tasks behind: no task of the demo organisation is transferable. */
function organisationWithoutTransferableTasks(): OffboardData {
  const data = demoOrganisation();
  return { ...data, tasks: data.tasks.filter((task) => !task.transferable) };
}

const taskItems = (canvasElement: HTMLElement) => within(canvasElement).queryAllByRole('listitem');

/**
 * R6: Karla's and Marta's open tasks wait for a taker; Carla takes one and it is hers, once. R12:
 * Carla, a member, may not read inactive users, so no task names who left it.
 */
export const TakeTaskR6: Story = {
  name: 'Take task (R6)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Tasks you can take' })).toBeVisible();
    await waitFor(() => expect(taskItems(canvasElement)).toHaveLength(5));
    const [first] = taskItems(canvasElement);
    // R2's marker, said once for the list rather than on each of its rows.
    await expect(canvas.getByRole('list')).toHaveAccessibleDescription(/^Marked “User deactivated”/);
    await expect(canvas.getAllByText(/User deactivated/)).toHaveLength(1);

    const taskId = first!.dataset.taskId!;
    const title = first!.querySelector('[data-part="task-title"]')!.textContent!;
    await userEvent.click(within(first!).getByRole('button', { name: `Take task: ${title}` }));
    await expectAnnounced(`“${title}” is now yours.`);
    await waitFor(() => expect(taskItems(canvasElement)).toHaveLength(4));
    await expect(await loaded.backend.listTasks({ assigneeId: 'u-carla', transferable: false, state: 'created' }, loaded.observer)).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: taskId })]),
    });
    await expect(await auditCount(loaded, 'task.taken', taskId)).toBe(1);
    // By now her own record is known, and still no task names anyone.
    await expect(canvasElement.querySelector('[data-part="task-from"]')).toBeNull();
  },
};

export const NotASalespersonR6: Story = {
  name: 'Not a salesperson (R6)',
  // Nora is an admin without a license: she sees the tasks, and who left them, but cannot take them.
  parameters: { offboard: { actorId: 'u-nora' } },
  play: async ({ canvasElement }) => {
    const buttons = await within(canvasElement).findAllByRole('button', { name: /^Take task/ });
    await expect(buttons).toHaveLength(5);
    // Held (loading) first, then blocked by the rule once the caller's standing is known.
    await waitFor(() => expect(buttons[0]).toHaveAttribute('data-state', 'blocked'));
    for (const button of buttons) await expectBlocked(button, 'Only an active salesperson can take a task.');
    await expect(await within(taskItems(canvasElement)[0]!).findByText('Was assigned to Karla Jiménez')).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { offboard: { data: organisationWithoutTransferableTasks } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No tasks are waiting for a taker.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('list')).not.toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The component has no loading indicator yet: only the heading shows, and it must not claim emptiness.
    await expect(canvas.getByRole('heading', { name: 'Tasks you can take' })).toBeVisible();
    await expect(canvas.queryByText('No tasks are waiting for a taker.')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
  },
};

/** R11: the answer to a take is lost after it was applied; the retry replays it, the task is taken once. */
export const AdapterErrorAndRetryR11: Story = {
  name: 'Adapter error and retry (R11)',
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await waitFor(() => expect(taskItems(canvasElement)).toHaveLength(5));
    const [first] = taskItems(canvasElement);
    const taskId = first!.dataset.taskId!;

    loaded.faults.set('takeTask', { kind: 'network-error', when: 'after', times: 1 });
    // The button is held until the caller's standing is known (R6): click once it is ready.
    const take = within(first!).getByRole('button', { name: /^Take task/ });
    await waitFor(() => expect(take).toHaveAttribute('data-state', 'ready'));
    await userEvent.click(take);
    const alert = await within(first!).findByRole('alert');
    await expect(alert).toHaveTextContent(NETWORK_ERROR_MESSAGE);

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expectAnnounced(/is now yours\.$/);
    await expect(await auditCount(loaded, 'task.taken', taskId)).toBe(1);
    await expect((await loaded.backend.listTasks({ assigneeId: 'u-carla', state: 'created' }, loaded.observer)).items.map((task) => task.id)).toContain(taskId);
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  // Ana, an admin with a license, takes tasks and reads who left them, inactive users included (R12).
  parameters: { offboard: { actorId: 'u-ana' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Tareas que puedes tomar' })).toBeVisible();
    const buttons = await canvas.findAllByRole('button', { name: /^Tomar tarea: / });
    await expect(buttons).toHaveLength(5);
    await expect(canvas.getByRole('list')).toHaveAccessibleDescription(/^Marcadas «Usuario desactivado»/);
    await expect(await canvas.findAllByText('Estaba asignada a Karla Jiménez')).toHaveLength(3);
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const heading = within(canvasElement).getByRole('heading', { name: 'Tasks you can take' });
    await expect(themeOf(heading)).toBe('dark');
    await waitFor(() => expect(taskItems(canvasElement)).toHaveLength(5));
  },
};
