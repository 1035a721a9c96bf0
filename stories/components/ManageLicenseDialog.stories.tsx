import type { Meta, StoryObj } from '@storybook/react-vite';
import { ManageLicenseDialog } from '@offboard/react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { LicenseDialogOpener } from '../support/LicenseDialogOpener';
import { NETWORK_ERROR_MESSAGE, R4_MESSAGE, R4_MESSAGE_ES, auditCount, expectAnnounced, expectBlocked, loadedOf, themeOf } from '../support/play';
import { LOADING, subjectOf } from '../support/storyStates';

const meta = {
  title: 'Components/ManageLicenseDialog',
  component: ManageLicenseDialog,
  // The dialog is controlled: the story renders the button a host would have to open it.
  render: (args, context) => <LicenseDialogOpener {...args} user={subjectOf(context, 'u-elena')} />,
  args: { user: undefined as never, open: false, onOpenChange: fn() },
  argTypes: {
    user: { control: false, description: 'Set by each story from its organisation (`parameters.subject`).' },
    returnFocusTo: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'License status and country, seat usage, and the one license action that applies: deactivate (R2) or assign (R7). When R4 blocks, the dialog shows the article’s message, the country’s active numbers and the way out. Click the button to open it.',
      },
    },
  },
} satisfies Meta<typeof ManageLicenseDialog>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Clicks the story's opener ("Manage license: Elena Torres") and returns the open dialog. */
async function openDialog(canvasElement: HTMLElement, opener: string, title = 'Manage license'): Promise<HTMLElement> {
  await userEvent.click(within(canvasElement).getByRole('button', { name: opener }));
  return screen.findByRole('dialog', { name: title });
}

/** R2: the user keeps access and reports, loses commercial features; the seat is freed. */
export const DeactivateLicenseR2: Story = {
  name: 'Deactivate license (R2)',
  play: async (context) => {
    const loaded = loadedOf(context);
    const dialog = await openDialog(context.canvasElement, 'Manage license: Elena Torres');
    await expect(context.args.onOpenChange).toHaveBeenCalledWith(true);
    await expect(dialog).toHaveAccessibleDescription('Salesperson license of Elena Torres');
    await expect(await within(dialog).findByText('Active')).toBeVisible();
    await expect(within(dialog).getByText('Spain')).toBeVisible();
    await expect(within(dialog).getByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate license' }));
    const confirmation = within(dialog).getByRole('region', { name: 'Deactivate the license of Elena Torres?' });
    await expect(within(confirmation).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '20 contacts stay with Elena Torres and become orphaned.',
      '2 open tasks become transferable to other salespeople.',
      'Leaves 1 Sales Brain: Renewals.',
      '1 paid seat is freed.',
    ]);
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Deactivate license' }));

    await expectAnnounced('The license of Elena Torres was deactivated.');
    await expect(await within(dialog).findByText('Inactive')).toBeVisible();
    await expect(within(dialog).getByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '9 of 11 seats used');
    await expect(await auditCount(loaded, 'license.deactivated', 'u-elena')).toBe(1);
    await expect(await loaded.backend.getAccess('u-elena', loaded.observer)).toMatchObject({ canSignIn: true, reports: true, commercialFeatures: false });
  },
};

/** R7: a free seat, a country, and a confirmation that says the seat gets used. */
export const AssignLicenseR7: Story = {
  name: 'Assign license (R7)',
  parameters: { subject: 'u-julia' },
  play: async (context) => {
    const loaded = loadedOf(context);
    const dialog = await openDialog(context.canvasElement, 'Manage license: Julia Fernández');
    await expect(await within(dialog).findByText('No license')).toBeVisible();
    const country = within(dialog).getByRole('combobox', { name: 'License country' });
    // By default the countries where the organisation has numbers, by name.
    await waitFor(() => expect(within(country).getAllByRole('option').map((option) => option.textContent)).toEqual(['Argentina', 'Colombia', 'Mexico', 'Spain']));
    await userEvent.selectOptions(country, 'MX');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign license' }));

    const confirmation = within(dialog).getByRole('region', { name: 'Assign a license to Julia Fernández?' });
    await expect(confirmation).toHaveTextContent('A salesperson license in Mexico.');
    await expect(confirmation).toHaveTextContent('Uses one paid seat (11 of 11 after this).');
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Assign license' }));

    await expectAnnounced('Julia Fernández now has a license in Mexico.');
    await expect((await loaded.backend.getUser('u-julia', loaded.observer)).license).toEqual({ country: 'MX', status: 'active' });
    await expect(await auditCount(loaded, 'license.assigned', 'u-julia')).toBe(1);
  },
};

export const SeatsExhaustedR7: Story = {
  name: 'Seats exhausted (R7)',
  parameters: { subject: 'u-julia', offboard: { scenario: 'seats-exhausted' } },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Julia Fernández');
    // R7: NO_SEATS_AVAILABLE before anyone clicks, with the seat count beside it.
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Assign license' }), 'Every paid seat is in use. Free a seat or buy more before assigning a license.');
    await expect(within(dialog).getByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 10 seats used');
  },
};

export const BlockedByLastLicenseR4: Story = {
  name: 'Blocked by last license (R4)',
  parameters: { subject: 'u-ignacio' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Ignacio Luna');
    const deactivate = await within(dialog).findByRole('button', { name: 'Deactivate license' });
    // R4: Ignacio holds Argentina's last license and Argentina has an active number.
    await expectBlocked(deactivate, R4_MESSAGE);
    const numbers = within(dialog).getByRole('list', { name: 'Active phone numbers in Argentina' });
    await expect(within(numbers).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['+54 114 321 6789']);
    await expect(dialog).toHaveTextContent('Deactivate these numbers, or license another salesperson in Argentina, then try again.');

    await userEvent.click(deactivate);
    await expect(within(dialog).queryByRole('region', { name: 'Deactivate the license of Ignacio Luna?' })).not.toBeInTheDocument();
  },
};

/**
 * R4's way out, through a lost answer (R11): the numbers go, the retry replays under the same
 * keys so each is deactivated once, and the license is no longer blocked.
 */
export const LastLicenseWayOutRetryR11: Story = {
  name: 'Last license way out retry (R11)',
  tags: ['expected-failed-requests'],
  parameters: { subject: 'u-diego' },
  play: async (context) => {
    const loaded = loadedOf(context);
    const dialog = await openDialog(context.canvasElement, 'Manage license: Diego Rojas');
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Deactivate license' }), R4_MESSAGE);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate 2 numbers' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate 2 phone numbers in Colombia?' });

    loaded.faults.set('deactivatePhoneNumber', { kind: 'network-error', when: 'after', times: 1 });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Deactivate 2 numbers' }));
    await expect(await within(confirm).findByRole('alert')).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Try again' }));

    await expectAnnounced('2 phone numbers were deactivated.');
    await expect(await auditCount(loaded, 'phoneNumber.deactivated', 'pn-co-1')).toBe(1);
    await expect(await auditCount(loaded, 'phoneNumber.deactivated', 'pn-co-2')).toBe(1);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Deactivate license' })).not.toHaveAttribute('aria-disabled'));
  },
};

/** A 500 before the backend ran: nothing applied, the retry applies it once. */
export const AdapterErrorAndRetryR11: Story = {
  name: 'Adapter error and retry (R11)',
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const loaded = loadedOf(context);
    const dialog = await openDialog(context.canvasElement, 'Manage license: Elena Torres');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Deactivate license' }));
    const confirmation = within(dialog).getByRole('region', { name: 'Deactivate the license of Elena Torres?' });

    loaded.faults.set('deactivateLicense', { kind: 'server-error', when: 'before', times: 1 });
    await userEvent.click(within(confirmation).getByRole('button', { name: 'Deactivate license' }));
    await expect(await within(confirmation).findByRole('alert')).toHaveTextContent('The server failed to answer.');
    await expect(await auditCount(loaded, 'license.deactivated', 'u-elena')).toBe(0);

    await userEvent.click(within(confirmation).getByRole('button', { name: 'Try again' }));
    await expectAnnounced('The license of Elena Torres was deactivated.');
    await expect(await auditCount(loaded, 'license.deactivated', 'u-elena')).toBe(1);
  },
};

export const SelfGuardR9: Story = {
  name: 'Self guard (R9)',
  parameters: { subject: 'u-ana' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Ana García');
    // R9 covers both levels: Ana cannot take her own license away either.
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Deactivate license' }), 'You cannot deactivate yourself.');
  },
};

/** R9: Carla, a member, sees her own license, and every change to it refused. */
export const MemberActorR9: Story = {
  name: 'Member actor (R9)',
  parameters: { subject: 'u-carla', offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Carla Méndez');
    // R9: license changes need an active admin.
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Deactivate license' }), 'Only an active admin can do this.');
    await expect(within(dialog).getByText('Spain')).toBeVisible();
  },
};

/** R12: another user's plan is an admin's to read: a member is told so, and it is never asked for. */
export const MemberOnAnotherUserR12: Story = {
  name: 'Member on another user (R12)',
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Elena Torres');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    // A refusal is not retried, and nothing is offered that would only be refused.
    await expect(within(dialog).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await expect(within(dialog).queryByRole('button', { name: 'Deactivate license' })).not.toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Elena Torres');
    await expect(within(dialog).getByText('Loading…')).toBeVisible();
    await expect(within(dialog).queryByRole('button', { name: 'Deactivate license' })).not.toBeInTheDocument();
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  parameters: { subject: 'u-ignacio' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Gestionar licencia: Ignacio Luna', 'Gestionar licencia');
    await expect(dialog).toHaveAccessibleDescription('Licencia de vendedor de Ignacio Luna');
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Desactivar licencia' }), R4_MESSAGE_ES);
    await expect(within(dialog).getByRole('list', { name: 'Números de teléfono activos en Argentina' })).toBeInTheDocument();
    await expect(within(dialog).getByRole('meter', { name: 'Uso de puestos' })).toHaveAttribute('aria-valuetext', '10 de 11 puestos en uso');
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const dialog = await openDialog(canvasElement, 'Manage license: Elena Torres');
    // The dialog portals into the provider's layer, which carries the theme.
    await expect(themeOf(dialog)).toBe('dark');
    await expect(await within(dialog).findByRole('button', { name: 'Deactivate license' })).toBeVisible();
  },
};
