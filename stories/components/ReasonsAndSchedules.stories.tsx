import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserActionsMenu } from '@offboard/react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { LicenseDialogOpener } from '../support/LicenseDialogOpener';
import { loadedOf, openActionsMenu } from '../support/play';
import { subjectOf } from '../support/storyStates';

/** Far in the future for any clock the stories run under, so the form never calls it past. */
const FUTURE_DATE = '2099-12-01';
const PENDING_AT = '2099-03-01T08:00:00.000Z';

const meta = {
  title: 'Components/Reasons and schedules',
  component: UserActionsMenu,
  render: (args, context) => <UserActionsMenu {...args} user={subjectOf(context, 'u-carla')} />,
  args: { user: undefined as never },
  argTypes: { user: { control: false, description: 'Set by each story from its organisation (`parameters.subject`).' } },
  parameters: {
    docs: {
      description: {
        component:
          'R14 and R15 in the kit: every deactivation’s confirmation asks why (four codes and an optional note; the scenario preselects the likely one; under the policy `requireReason` the confirm button waits for one). "Deactivate on a date…" schedules a license or user deactivation for a future instant, typed in native date and time fields in the viewer’s time zone; a pending schedule shows wherever the user appears, with Cancel.',
      },
    },
  },
} satisfies Meta<typeof UserActionsMenu>;
export default meta;

type Story = StoryObj<typeof meta>;

/** R14: "Deactivate user" asks why: the four codes as a radio group and a note. */
export const ReasonPicker: Story = {
  name: 'Reason picker (R14)',
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Carla Méndez');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate user' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Carla Méndez?' });
    const group = within(dialog).getByRole('group', { name: 'Reason' });
    await expect(within(group).getAllByRole('radio')).toHaveLength(4);
    await userEvent.click(within(group).getByRole('radio', { name: 'Left the company' }));
    await userEvent.type(within(group).getByRole('textbox', { name: 'Note (optional)' }), 'Last day on Friday');
    await expect(within(dialog).getByRole('button', { name: 'Deactivate user' })).not.toHaveAttribute('aria-disabled');
  },
};

/** R14 under the policy `requireReason`: the confirm button waits, and says so, until a code is chosen. */
export const ReasonRequired: Story = {
  name: 'Reason required (R14)',
  parameters: { offboard: { policy: { requireReason: true } } },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Carla Méndez');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate user' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Carla Méndez?' });
    await expect(within(dialog).getByRole('group', { name: 'Reason (required)' })).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Deactivate user' });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await expect(confirm).toHaveAccessibleDescription('Choose a reason to continue.');
  },
};

/** R15: "Deactivate on a date…": what, when (native fields, the viewer's time zone) and why; the instant is said back. */
export const ScheduleDialog: Story = {
  name: 'Schedule dialog (R15)',
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Carla Méndez');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate on a date…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Schedule a deactivation of Carla Méndez' });
    const confirm = within(dialog).getByRole('button', { name: 'Schedule deactivation' });
    await expect(confirm).toHaveAccessibleDescription('Choose a date and a time.');
    await userEvent.type(within(dialog).getByLabelText('Date'), FUTURE_DATE);
    await waitFor(() => expect(within(dialog).getByText(/^Runs on /)).toBeInTheDocument());
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Left the company' }));
    await expect(confirm).not.toHaveAttribute('aria-disabled');
  },
};

/** R15: a pending schedule in the license dialog: what and when, in the viewer's locale and zone, why, and Cancel. */
export const PendingSchedule: Story = {
  name: 'Pending schedule (R15)',
  render: (_args, context) => <LicenseDialogOpener user={subjectOf(context, 'u-elena')} open={false} onOpenChange={() => undefined} />,
  parameters: { offboard: { schedules: [{ userId: 'u-elena', scope: 'license', at: PENDING_AT, reason: { code: 'left-company' } }] } },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Manage license: Elena Torres' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage license' });
    const pending = await within(dialog).findByText(/^License deactivation scheduled for /);
    await expect(pending.closest('[data-part="pending-schedule"]')).toHaveTextContent('Reason: Left the company');
    await expect(within(dialog).getByRole('button', { name: /^Cancel schedule: License deactivation scheduled for / })).not.toHaveAttribute('aria-disabled');
    await expect(within(dialog).getByRole('button', { name: 'Deactivate on a date…' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** R15: Cancel from the menu: the schedule ends `cancelled`, and the menu no longer offers it. */
export const CancelPendingSchedule: Story = {
  name: 'Cancel a pending schedule (R15)',
  parameters: { subject: 'u-elena', offboard: { schedules: [{ userId: 'u-elena', scope: 'user', at: PENDING_AT }] } },
  play: async (context) => {
    const loaded = loadedOf(context);
    const menu = await openActionsMenu(context.canvasElement, 'Actions for Elena Torres');
    await userEvent.click(within(menu).getByRole('menuitem', { name: /^Cancel the deactivation scheduled for / }));
    await waitFor(async () => expect((await loaded.backend.listScheduledDeactivations({ userId: 'u-elena' }, loaded.observer)).items[0]?.status).toBe('cancelled'));
  },
};

/** R15: the backend refuses (a schedule of this kind is already pending): the form says so as an alert and can be changed. */
export const ScheduleFailed: Story = {
  name: 'Schedule failed (R15)',
  // The 409 is the point of the story; the browser logs it as a failed load.
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const loaded = loadedOf(context);
    const menu = await openActionsMenu(context.canvasElement, 'Actions for Carla Méndez');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate on a date…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Schedule a deactivation of Carla Méndez' });
    await userEvent.type(within(dialog).getByLabelText('Date'), FUTURE_DATE);
    // Another admin schedules the same deactivation meanwhile.
    await loaded.backend.scheduleDeactivation('u-carla', { scope: 'user', at: PENDING_AT }, { ...loaded.observer, idempotencyKey: 'another-admin' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Schedule deactivation' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('A deactivation of this kind is already scheduled for this user.');
  },
};
