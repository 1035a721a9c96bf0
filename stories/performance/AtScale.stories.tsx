import type { Meta, StoryObj } from '@storybook/react-vite';
import { generateOrganisation } from '@offboard/core/fixtures';
import { ReassignContactsWizard, UsersScreen } from '@offboard/react';
import { useState, type ReactNode } from 'react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';

/**
 * The kit at scale, for designers to feel and for `npm run bench` to measure in Chromium: the
 * screen mounts on a click, so the time from click to first rows is the screen's own.
 */
function MountOnClick({ label, children }: { label: string; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  return shown ? (
    <>{children}</>
  ) : (
    <button type="button" data-bench="mount" onClick={() => setShown(true)}>
      {label}
    </button>
  );
}

const meta = {
  title: 'Performance/At scale',
  parameters: { docs: { description: { component: 'Large generated organisations: 5,000 users, and one salesperson with 50,000 contacts.' } } },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

export const UsersScreenWith5000Users: Story = {
  parameters: { offboard: { data: () => generateOrganisation({ seed: 11, contacts: 10_000, users: 5_000 }), actorId: 'u-0000001' } },
  render: () => (
    <MountOnClick label="Show the users screen (5,000 users)">
      <UsersScreen />
    </MountOnClick>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: /show the users screen/i }));
    // One page of 50 users, plus the header row, with more on demand.
    await waitFor(() => expect(within(canvasElement).getAllByRole('row')).toHaveLength(51));
    await expect(within(canvasElement).getByRole('button', { name: /show more/i })).toBeVisible();
  },
};

export const WizardWith50000Contacts: Story = {
  parameters: {
    offboard: { data: () => generateOrganisation({ seed: 11, contacts: 1_000, users: 30, focus: { contacts: 50_000, tasks: 50 } }), actorId: 'u-0000001' },
  },
  render: () => (
    <MountOnClick label="Reassign the 50,000 contacts of Focus Seller">
      <ReassignContactsWizard ownerId="u-focus" />
    </MountOnClick>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: /reassign the 50,000 contacts/i }));
    const list = await screen.findByRole('listbox');
    // Virtualised: a screenful of rows is in the page, not 50,000.
    const options = await within(list).findAllByRole('option');
    await expect(options.length).toBeLessThan(40);
    await expect(options[0]).toHaveAttribute('aria-setsize', '50000');
  },
};
