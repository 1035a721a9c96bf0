import type { Meta, StoryObj } from '@storybook/react-vite';
import type { OffboardData } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { OrphanedContactsNotice, UserActionsMenu } from '@offboard/react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { expectAnnounced, loadedOf, openActionsMenu, themeOf } from '../support/play';
import { QueriesSettled, SETTLED_TEST_ID } from '../support/QueriesSettled';

const meta = {
  title: 'Components/OrphanedContactsNotice',
  component: OrphanedContactsNotice,
  args: { onReassignContacts: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'R5: how many contacts belong to people who are no longer salespeople, per owner, each with a way into the reassignment wizard. It renders nothing when no contact is orphaned (and while it does not know yet).',
      },
    },
  },
} satisfies Meta<typeof OrphanedContactsNotice>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Every contact has a salesperson: the contacts of Karla and Marta are Ana's, history and all. */
function organisationWithoutOrphanedContacts(): OffboardData {
  const data = demoOrganisation();
  return { ...data, contacts: data.contacts.map((contact) => (['u-karla', 'u-marta'].includes(contact.ownerId) ? { ...contact, ownerId: 'u-ana' } : contact)) };
}

const ownerLines = (notice: HTMLElement) => within(notice).getAllByRole('listitem').map((item) => item.firstChild?.textContent);

/** R5: Karla (inactive) and Marta (license inactive) still own contacts nobody sells to. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Orphaned contacts' });
    await expect(notice).toHaveTextContent('19 contacts belong to people who are no longer salespeople.');
    await expect(ownerLines(notice)).toEqual(['Karla Jiménez: 10 contacts', 'Marta Castillo: 9 contacts']);
    await userEvent.click(within(notice).getByRole('button', { name: 'Reassign contacts of Marta Castillo' }));
    await expect(args.onReassignContacts).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-marta', name: 'Marta Castillo' }));
  },
};

/** Without `onReassignContacts` the notice informs only: no buttons leading nowhere. */
export const InformOnly: Story = {
  args: { onReassignContacts: undefined },
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Orphaned contacts' });
    await expect(ownerLines(notice)).toEqual(['Karla Jiménez: 10 contacts', 'Marta Castillo: 9 contacts']);
    await expect(within(notice).queryAllByRole('button')).toHaveLength(0);
  },
};

export const NothingOrphaned: Story = {
  parameters: { offboard: { data: organisationWithoutOrphanedContacts } },
  render: (args) => (
    <>
      <OrphanedContactsNotice {...args} />
      <QueriesSettled />
    </>
  ),
  play: async ({ canvasElement }) => {
    // Only once its data has arrived does "nothing rendered" mean "nothing orphaned".
    await within(canvasElement).findByTestId(SETTLED_TEST_ID);
    await expect(within(canvasElement).queryByRole('region', { name: 'Orphaned contacts' })).not.toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-part="orphaned-notice"]')).toBeNull();
  },
};

/** R3 and R5: deactivating Elena elsewhere on the page orphans her 20 contacts, and the notice says so at once. */
export const GrowsAfterADeactivationR5: Story = {
  name: 'Grows after a deactivation (R5)',
  render: (args, context) => (
    <>
      <OrphanedContactsNotice {...args} />
      <UserActionsMenu user={loadedOf(context).user('u-elena')} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Orphaned contacts' });
    await expect(notice).toHaveTextContent('19 contacts belong to people who are no longer salespeople.');
    const menu = await openActionsMenu(canvasElement, 'Actions for Elena Torres');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate user' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Deactivate user' }));
    await expectAnnounced('Elena Torres was deactivated.');

    await waitFor(() => expect(notice).toHaveTextContent('39 contacts belong to people who are no longer salespeople.'));
    await waitFor(() => expect(ownerLines(notice)).toContain('Elena Torres: 20 contacts'));
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Contactos huérfanos' });
    await expect(notice).toHaveTextContent('19 contactos pertenecen a personas que ya no son vendedores.');
    await expect(ownerLines(notice)).toEqual(['Karla Jiménez: 10 contactos', 'Marta Castillo: 9 contactos']);
    await expect(within(notice).getByRole('button', { name: 'Reasignar los contactos de Marta Castillo' })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const notice = await within(canvasElement).findByRole('region', { name: 'Orphaned contacts' });
    await expect(themeOf(notice)).toBe('dark');
  },
};
