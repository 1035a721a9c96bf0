import type { Meta, StoryObj } from '@storybook/react-vite';
import { demoOrganisation, withGeneratedAuditLog } from '@offboard/core/fixtures';
import { UserHistory } from '@offboard/react/audit';
import { expect, userEvent, within } from 'storybook/test';
import { LOADING } from '../support/storyStates';

const meta = {
  title: 'Components/UserHistory',
  component: UserHistory,
  args: { userId: 'u-karla' },
  parameters: {
    docs: {
      description: {
        component:
          'One user’s kept history (R1): calls, emails, WhatsApp messages, contact activity and performance records, counted, and the audit entries about them (R10) with filters and exports. Admin-only (R12). From `@offboard/react/audit`.',
      },
    },
  },
} satisfies Meta<typeof UserHistory>;
export default meta;

type Story = StoryObj<typeof meta>;

const summary = (canvasElement: HTMLElement) => within(within(canvasElement).getByRole('region', { name: 'Kept history' }));

/** Karla was deactivated 20 days ago: all her history is still there. */
export const Deactivated: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'History of Karla Jiménez' })).toBeVisible();
    await expect(await summary(canvasElement).findAllByRole('listitem')).toHaveLength(5);
    await expect(summary(canvasElement).getByText('1 performance record')).toBeVisible();
    const [entry] = await within(canvas.getByRole('list', { name: 'Changes about this user' })).findAllByRole('button');
    await userEvent.click(entry!);
    await expect(await canvas.findByText('10 contacts were left orphaned.')).toBeVisible();
  },
};

/** Many changes about one user. */
export const Populated: Story = {
  args: { userId: 'u-diego' },
  parameters: { offboard: { data: () => withGeneratedAuditLog(demoOrganisation(), { entries: 3_000, historyPerUser: 40 }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: /^History of Diego/ })).toBeVisible();
    await expect(await canvas.findByText(/^\d[\d,]* entries$/)).toBeVisible();
  },
};

/** Nothing was ever recorded about Diego. */
export const Empty: Story = {
  args: { userId: 'u-diego' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No entry matches these filters.')).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading…')).toBeVisible();
  },
};

/** R12: a member may not read anyone's history. */
export const RefusedToMemberR12: Story = {
  name: 'Refused to a member (R12)',
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Only an admin can see this.');
  },
};

export const LoadErrorAndRetry: Story = {
  tags: ['expected-failed-requests'],
  parameters: { offboard: { faults: { listHistory: { kind: 'server-error', times: 15 } } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('The server failed to answer.');
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Historial de Karla Jiménez' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Cambios sobre este usuario' })).toBeVisible();
  },
};
