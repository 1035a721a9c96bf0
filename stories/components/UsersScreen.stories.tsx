import { singleAdminOrganisation } from '@offboard/core/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { UsersScreen } from '@offboard/react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { NETWORK_ERROR_MESSAGE, R4_MESSAGE, auditCount, contactsOwnedBy, expectAnnounced, expectBlocked, loadedOf, openActionsMenu, themeOf } from '../support/play';
import { LOADING } from '../support/storyStates';

const meta = {
  title: 'Components/UsersScreen',
  component: UsersScreen,
  args: { pageSize: 50 },
  parameters: {
    docs: {
      description: {
        component:
          '“Settings > Users”: seat usage, the orphaned-contacts notice, Active / Inactive filter, search, a row menu per user, the wizard and the checklist in dialogs, and bulk license deactivation of the selected rows (team downsizing) with one combined preview.',
      },
    },
  },
} satisfies Meta<typeof UsersScreen>;
export default meta;

type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, name: string): HTMLElement =>
  within(canvasElement).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
/** The names in the table, in order (each row header holds the name, then the email). */
const listedNames = (canvasElement: HTMLElement) => within(canvasElement).queryAllByRole('rowheader').map((cell) => cell.firstChild?.textContent);

async function selectRows(canvasElement: HTMLElement, names: readonly string[]): Promise<void> {
  for (const name of names) await userEvent.click(await within(canvasElement).findByRole('checkbox', { name: `Select ${name}` }));
}

/** R3: active users only, with role, license badge and seats; the notice counts orphaned contacts (R5). */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Users' })).toBeVisible();
    await canvas.findByRole('rowheader', { name: /^Ana García/ });
    await expect(listedNames(canvasElement)).toHaveLength(13);
    await expect(listedNames(canvasElement)).not.toContain('Karla Jiménez');
    await expect(within(rowOf(canvasElement, 'Diego Rojas')).getByText('Colombia')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Diego Rojas')).getByText('Member')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Bruno Díaz')).getByText('Admin')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Nora Quintero')).getByText('No license')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Marta Castillo')).getByText('Mexico · inactive')).toBeVisible();
    await expect(await canvas.findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');
    await expect(await canvas.findByRole('region', { name: 'Orphaned contacts' })).toHaveTextContent('19 contacts belong to people who are no longer salespeople.');
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Users' })).toBeVisible();
    // The screen has no loading indicator yet: while the first page loads the table has its
    // header only, and the screen must not claim that no user matches.
    await expect(canvas.getAllByRole('row')).toHaveLength(1);
    await expect(canvas.queryByText('No users match.')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('meter', { name: 'Seat usage' })).not.toBeInTheDocument();
  },
};

export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('rowheader', { name: /^Ana García/ });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search users' }), 'zzz');
    await expect(await canvas.findByText('No users match.')).toBeVisible();
    await expect(listedNames(canvasElement)).toEqual([]);
  },
};

export const SearchAndShowMore: Story = {
  args: { pageSize: 5 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('rowheader', { name: /^Ana García/ });
    await expect(listedNames(canvasElement)).toHaveLength(5);
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(listedNames(canvasElement)).toHaveLength(10));
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(listedNames(canvasElement)).toHaveLength(13));
    await expect(canvas.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();

    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search users' }), 'ga');
    await waitFor(() => expect(listedNames(canvasElement)).toEqual(['Ana García', 'Gabriela Soto', 'Hugo Vargas']));
  },
};

/** R3 and R7: the deactivated are under Inactive, and come back from there. */
export const ReactivateFromInactiveR7: Story = {
  name: 'Reactivate from inactive (R7)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Inactive' }));
    await expect(canvas.getByRole('button', { name: 'Inactive' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(listedNames(canvasElement)).toEqual(['Karla Jiménez']));

    const menu = await openActionsMenu(canvasElement, 'Actions for Karla Jiménez');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Activate user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activate Karla Jiménez?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Activate user' }));

    await expectAnnounced('Karla Jiménez was activated.');
    await expect(await canvas.findByText('No users match.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Active' }));
    await expect(await canvas.findByRole('rowheader', { name: /^Karla Jiménez/ })).toBeVisible();
    await expect(await auditCount(loaded, 'user.reactivated', 'u-karla')).toBe(1);
  },
};

/** R8 team downsizing: three licenses, one combined preview, one confirmation, three changes. */
export const TeamDownsizingR8: Story = {
  name: 'Team downsizing (R8)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await selectRows(canvasElement, ['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas']);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Deactivate 3 licenses' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
    await expect(dialog).toHaveAccessibleDescription('Check what happens to the licenses of 3 users, then deactivate them together.');
    await expect(await within(dialog).findByText('3 of 3 licenses can be deactivated.')).toBeVisible();
    const effects = within(dialog).getByRole('region', { name: 'What happens' });
    await expect(within(effects).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '42 contacts stay with Fernando Ruiz, Gabriela Soto, and Hugo Vargas and become orphaned.',
      '6 open tasks become transferable to other salespeople.',
      'Leaves 3 Sales Brains: Enterprise LATAM, Mexico City field team, and Renewals.',
      '3 paid seats are freed.',
    ]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate 3 licenses' }));

    await waitFor(() => expect(within(dialog).getAllByText('Deactivated')).toHaveLength(3));
    await expectAnnounced('3 licenses were deactivated.');
    for (const userId of ['u-fernando', 'u-gabriela', 'u-hugo']) await expect(await auditCount(loaded, 'license.deactivated', userId)).toBe(1);

    await userEvent.click(within(dialog).getByText('Close', { selector: 'button' }));
    await expect(await within(rowOf(canvasElement, 'Hugo Vargas')).findByText('Mexico · inactive')).toBeVisible();
    await waitFor(() => expect(within(canvasElement).getByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '7 of 11 seats used'));
  },
};

/** R4 within the batch: Hugo and Ignacio would leave Mexico and Argentina without a license. */
export const TeamDownsizingBlockedByR4: Story = {
  name: 'Team downsizing blocked by the last license (R4)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await selectRows(canvasElement, ['Bruno Díaz', 'Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas', 'Ignacio Luna']);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Deactivate 5 licenses' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
    await expect(await within(dialog).findByText('3 of 5 licenses can be deactivated.')).toBeVisible();
    const refused = within(dialog)
      .getAllByRole('listitem')
      .filter((item) => item.dataset.state === 'refused');
    await expect(refused.map((item) => [item.dataset.userId, item.querySelector('[data-part="reason"]')?.textContent])).toEqual([
      ['u-hugo', R4_MESSAGE],
      ['u-ignacio', R4_MESSAGE],
    ]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate 3 licenses' }));
    await waitFor(() => expect(within(dialog).getAllByText('Skipped')).toHaveLength(2));
    await expect(await auditCount(loaded, 'license.deactivated', 'u-hugo')).toBe(0);
    await expect(await auditCount(loaded, 'license.deactivated', 'u-ignacio')).toBe(0);
    await expect(await auditCount(loaded, 'license.deactivated', 'u-bruno')).toBe(1);
  },
};

/** R11 in a batch: one answer is lost; the others go on, and the retry resends only that one, under its key. */
export const TeamDownsizingRetryR11: Story = {
  name: 'Team downsizing retry (R11)',
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await selectRows(canvasElement, ['Fernando Ruiz', 'Gabriela Soto']);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Deactivate 2 licenses' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
    await within(dialog).findByText('2 of 2 licenses can be deactivated.');

    loaded.faults.set('deactivateLicense', { kind: 'network-error', when: 'after', times: 1 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate 2 licenses' }));
    // Fernando's went first and its answer was lost; Gabriela's still went through.
    await waitFor(() => expect(dialog.querySelector('[data-part="downsizing-entry"][data-user-id="u-fernando"]')).toHaveAttribute('data-state', 'failed'));
    await expect(dialog.querySelector('[data-part="downsizing-entry"][data-user-id="u-fernando"]')).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    await expect(within(dialog).getAllByText('Deactivated')).toHaveLength(1);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(dialog).getAllByText('Deactivated')).toHaveLength(2));
    await expect(await auditCount(loaded, 'license.deactivated', 'u-fernando')).toBe(1);
    await expect(await auditCount(loaded, 'license.deactivated', 'u-gabriela')).toBe(1);
  },
};

export const SeatsExhaustedR7: Story = {
  name: 'Seats exhausted (R7)',
  parameters: { offboard: { scenario: 'seats-exhausted' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 10 seats used');
    await within(canvasElement).findByRole('rowheader', { name: /^Julia Fernández/ });
    await expect(within(rowOf(canvasElement, 'Julia Fernández')).getByText('No license')).toBeVisible();

    const menu = await openActionsMenu(canvasElement, 'Actions for Julia Fernández');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Manage license' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage license' });
    // R7: no seat, no license; said before anyone clicks.
    await expectBlocked(await within(dialog).findByRole('button', { name: 'Assign license' }), 'Every paid seat is in use. Free a seat or buy more before assigning a license.');
  },
};

export const SelfGuardR9: Story = {
  name: 'Self guard (R9)',
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Ana García');
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Deactivate user' }), 'You cannot deactivate yourself.');
  },
};

/** A directory-sync console: a service identity sees what an admin sees, and still may not remove the last admin. */
export const LastAdminGuardR9: Story = {
  name: 'Last admin guard (R9)',
  parameters: { offboard: { data: singleAdminOrganisation, actorId: 'svc-directory', callerKind: 'service' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('rowheader', { name: /^Bruno Díaz/ })).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Bruno Díaz')).getByText('Member')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Bruno Díaz')).getByText('bruno@vixiees.example')).toBeVisible();
    await expect(await within(canvasElement).findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');
    await expect(within(canvasElement).getByRole('button', { name: 'Inactive' })).toBeVisible();
    const menu = await openActionsMenu(canvasElement, 'Actions for Ana García');
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Deactivate user' }), 'The last active admin cannot be deactivated.');
  },
};

/**
 * R12 and R9: a member reads active users' names, roles and license badges, and their own email
 * only; every change is refused in words; seats, the orphaned contacts, inactive users and the
 * batch are an admin's, so they are neither shown nor asked for.
 */
export const MemberActorR12: Story = {
  name: 'Member actor (R12)',
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('rowheader', { name: /^Ana García/ });
    await expect(listedNames(canvasElement)).toHaveLength(13);
    await expect(listedNames(canvasElement)).not.toContain('Karla Jiménez');
    await expect(within(rowOf(canvasElement, 'Diego Rojas')).getByText('Colombia')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Bruno Díaz')).getByText('Admin')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Marta Castillo')).getByText('Mexico · inactive')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Carla Méndez')).getByText('carla@vixiees.example')).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-part="user-email"]')).toHaveLength(1);

    const menu = await openActionsMenu(canvasElement, 'Actions for Elena Torres');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items).toHaveLength(4);
    for (const item of items) await expectBlocked(item, 'Only an active admin can do this.');
    await userEvent.keyboard('{Escape}');

    // Her standing is known (the menu said it): what is an admin's is not there.
    await expect(canvas.queryByRole('meter')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('group', { name: 'Show' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('region', { name: 'Orphaned contacts' })).not.toBeInTheDocument();
    await expect(canvas.queryAllByRole('checkbox')).toHaveLength(0);
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

export const StartOffboardingFromRow: Story = {
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Diego Rojas');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Start offboarding' }));
    const dialog = await screen.findByRole('dialog', { name: 'Offboarding checklist' });
    await expect(dialog).toHaveAccessibleDescription('Offboard Diego Rojas step by step, in this order.');
    await expect(await within(dialog).findByRole('heading', { name: 'Offboarding Diego Rojas' })).toBeVisible();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Actions for Diego Rojas' })).toHaveFocus());
  },
};

/** R5 from the notice: Marta's orphaned contacts go to a salesperson, and the notice shrinks. */
export const ReassignOrphanedContactsR5: Story = {
  name: 'Reassign orphaned contacts (R5)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    const notice = await within(canvasElement).findByRole('region', { name: 'Orphaned contacts' });
    await userEvent.click(within(notice).getByRole('button', { name: 'Reassign contacts of Marta Castillo' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reassign contacts' });
    await expect(await within(dialog).findByRole('heading', { name: 'Reassign contacts of Marta Castillo' })).toBeVisible();
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Select all 9 contacts' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Carla Méndez/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reassign contacts' }));
    await expect(await within(dialog).findByText('9 contacts were reassigned.', { selector: 'p' })).toBeVisible();
    await userEvent.click(within(dialog).getByText('Close', { selector: '[data-part="close"]' }));

    await waitFor(() => expect(within(canvasElement).getByRole('region', { name: 'Orphaned contacts' })).toHaveTextContent('10 contacts belong to people who are no longer salespeople.'));
    await expect(await contactsOwnedBy(loaded, 'u-carla')).toBe(25 + 9);
    await expect(await auditCount(loaded, 'contacts.reassigned', 'u-marta')).toBe(1);
  },
};

/** Reads fail three times (the first try and the kit's two retries); the error is shown with a retry that works. */
export const LoadErrorAndRetry: Story = {
  tags: ['expected-failed-requests'],
  parameters: { offboard: { faults: { listUsers: { kind: 'server-error', times: 3 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The kit retries a transport failure twice, 1 s then 2 s apart, before it shows it.
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('The server failed to answer.');
    await expect(listedNames(canvasElement)).toEqual([]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('rowheader', { name: /^Diego Rojas/ })).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Usuarios' })).toBeVisible();
    await expect(await canvas.findByRole('button', { name: 'Acciones para Diego Rojas' })).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Diego Rojas')).getByText('Miembro')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Nora Quintero')).getByText('Sin licencia')).toBeVisible();
    await expect(within(rowOf(canvasElement, 'Marta Castillo')).getByText('México · inactiva')).toBeVisible();
    await expect(await canvas.findByRole('meter', { name: 'Uso de puestos' })).toHaveAttribute('aria-valuetext', '10 de 11 puestos en uso');
    await expect(await canvas.findByRole('region', { name: 'Contactos huérfanos' })).toHaveTextContent('19 contactos pertenecen a personas que ya no son vendedores.');
    await expect(canvas.getByRole('button', { name: 'Inactivos' })).toHaveAttribute('aria-pressed', 'false');
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(themeOf(canvas.getByRole('heading', { name: 'Users' }))).toBe('dark');
    await expect(themeOf(await canvas.findByRole('region', { name: 'Orphaned contacts' }))).toBe('dark');
    const menu = await openActionsMenu(canvasElement, 'Actions for Diego Rojas');
    await expect(themeOf(menu)).toBe('dark');
  },
};
