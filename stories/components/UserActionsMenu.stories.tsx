import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserActionsMenu } from '@offboard/react';
import { expect, screen, userEvent, within } from 'storybook/test';
import type { OffboardLoaded } from '../support/offboardLoader';

const meta = {
  title: 'Components/UserActionsMenu',
  component: UserActionsMenu,
  render: (args, { loaded }) => <UserActionsMenu {...args} user={(loaded as OffboardLoaded).user('u-carla')} />,
  args: { user: undefined as never },
} satisfies Meta<typeof UserActionsMenu>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: /carla/i }));
    await expect(await screen.findByRole('menuitem', { name: /deactivate user/i })).toBeVisible();
  },
};
