import { DEMO_ACTOR_ID, demoOrganisation } from '@offboard/core/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithOffboard } from '../../../test/renderWithOffboard';
import { offboardKeys } from '../../queries/queryKeys';
import { UserActionsMenu } from '../UserActionsMenu/UserActionsMenu';
import { OrphanedContactsNotice } from './OrphanedContactsNotice';

describe('OrphanedContactsNotice', () => {
  it('R5: counts contacts owned by non-salespeople, names their owners and links to the wizard', async () => {
    const onReassignContacts = vi.fn();
    const { user } = renderWithOffboard(<OrphanedContactsNotice onReassignContacts={onReassignContacts} />);
    const notice = await screen.findByRole('region', { name: 'Orphaned contacts' });
    expect(notice).toHaveTextContent('19 contacts belong to people who are no longer salespeople.');
    expect(within(notice).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'Karla Jiménez: 10 contacts',
      'Marta Castillo: 9 contacts',
    ]);
    await user.click(within(notice).getByRole('button', { name: 'Reassign contacts of Marta Castillo' }));
    expect(onReassignContacts).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-marta' }));
  });

  it('R5: grows as soon as a deactivation elsewhere orphans more contacts', async () => {
    const elena = demoOrganisation().users.find((each) => each.id === 'u-elena')!;
    const { user } = renderWithOffboard(
      <>
        <OrphanedContactsNotice />
        <UserActionsMenu user={elena} />
      </>,
    );
    expect(await screen.findByText('19 contacts belong to people who are no longer salespeople.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for Elena Torres' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Deactivate user' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Deactivate user' }));
    expect(await screen.findByText('39 contacts belong to people who are no longer salespeople.')).toBeInTheDocument();
  });

  it('renders nothing when every contact has a salesperson', async () => {
    const data = demoOrganisation();
    const { container, queryClient } = renderWithOffboard(<OrphanedContactsNotice />, {
      // Karla's and Marta's contacts are Ana's, a salesperson's, history and all.
      data: { ...data, contacts: data.contacts.map((contact) => (['u-karla', 'u-marta'].includes(contact.ownerId) ? { ...contact, ownerId: 'u-ana' } : contact)) },
    });
    const signedIn = { organisationId: data.organisationId, actorId: DEMO_ACTOR_ID, kind: 'user' } as const;
    await expect.poll(() => queryClient.getQueryState(offboardKeys.orphanedOwners(signedIn))?.status).toBe('success');
    expect(container.querySelector('[data-part="orphaned-notice"]')).toBeNull();
  });
});
