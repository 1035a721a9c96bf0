import { demoOrganisation } from '@offboard/core/fixtures';
import type { User } from '@offboard/core';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LicenseOpener } from '../../../test/LicenseOpener';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { ManageLicenseDialog } from './ManageLicenseDialog';

const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;
const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

async function openDialog(user: ReturnType<typeof renderWithOffboard>['user']) {
  await user.click(screen.getByRole('button', { name: 'Open license' }));
  return screen.findByRole('dialog', { name: 'Manage license' });
}

describe('ManageLicenseDialog', () => {
  it('R2 and R7: deactivates a license after showing its effects, then assigns one again with a seat check', async () => {
    const { user, backend } = renderWithOffboard(<LicenseOpener user={userOf('u-elena')} />);
    const dialog = await openDialog(user);
    expect(dialog).toHaveAccessibleDescription('Salesperson license of Elena Torres');
    expect(await within(dialog).findByText('Active')).toBeInTheDocument();
    expect(within(dialog).getByText('Spain')).toBeInTheDocument();
    expect(within(dialog).getByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate license' }));
    const confirmation = within(dialog).getByRole('region', { name: 'Deactivate the license of Elena Torres?' });
    expect(within(confirmation).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '20 contacts stay with Elena Torres and become orphaned.',
      '2 open tasks become transferable to other salespeople.',
      'Leaves 1 Sales Brain: Renewals.',
      '1 paid seat is freed.',
    ]);
    await user.click(within(confirmation).getByRole('button', { name: 'Deactivate license' }));
    expect(await screen.findByRole('status')).toHaveTextContent('The license of Elena Torres was deactivated.');
    expect(await within(dialog).findByText('Inactive')).toBeInTheDocument();
    expect(within(dialog).getByRole('meter')).toHaveAttribute('aria-valuetext', '9 of 11 seats used');

    expect(within(dialog).getByRole('combobox', { name: 'License country' })).toHaveValue('ES');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'License country' }), 'MX');
    await user.click(within(dialog).getByRole('button', { name: 'Assign license' }));
    expect(within(dialog).getByText('Uses one paid seat (10 of 11 after this).')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Assign license' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Elena Torres now has a license in Mexico.');
    expect((await backend.getUser('u-elena', observer)).license).toEqual({ country: 'MX', status: 'active' });
  });

  it('R4: shows the exact message, the country’s numbers and the way out, which unblocks the license', async () => {
    const { user, backend, auditCount } = renderWithOffboard(<LicenseOpener user={userOf('u-ignacio')} />);
    const dialog = await openDialog(user);
    const deactivate = await within(dialog).findByRole('button', { name: 'Deactivate license' });
    expect(deactivate).toHaveAttribute('aria-disabled', 'true');
    expect(deactivate).toHaveAccessibleDescription(R4);
    const numbers = within(dialog).getByRole('list', { name: 'Active phone numbers in Argentina' });
    expect(within(numbers).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['+54 114 321 6789']);
    expect(dialog).toHaveTextContent('Deactivate these numbers, or license another salesperson in Argentina, then try again.');

    await user.click(deactivate);
    expect(within(dialog).queryByRole('region', { name: 'Deactivate the license of Ignacio Luna?' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 1 number' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate 1 phone number in Argentina?' });
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate 1 number' }));
    expect(await screen.findByRole('status')).toHaveTextContent('1 phone number was deactivated.');
    expect(await auditCount('phoneNumber.deactivated', 'pn-ar-1')).toBe(1);

    const unblocked = await within(dialog).findByRole('button', { name: 'Deactivate license' });
    await expect.poll(() => unblocked.getAttribute('aria-disabled')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate license' }));
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate license' }));
    expect(await screen.findByRole('status')).toHaveTextContent('The license of Ignacio Luna was deactivated.');
    expect((await backend.getUser('u-ignacio', observer)).license?.status).toBe('inactive');
  });

  it('R7: assigning waits, and says so, while the countries load', async () => {
    const { user, adapter } = renderWithOffboard(<LicenseOpener user={userOf('u-julia')} />);
    let answer!: () => void;
    const listPhoneNumbers = adapter.listPhoneNumbers.bind(adapter);
    vi.spyOn(adapter, 'listPhoneNumbers').mockImplementationOnce(async (...args) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return listPhoneNumbers(...args);
    });
    const dialog = await openDialog(user);
    const assign = await within(dialog).findByRole('button', { name: 'Assign license' });
    expect(assign).toHaveAttribute('aria-disabled', 'true');
    expect(assign).toHaveAccessibleDescription('Loading countries…');
    await user.click(assign);
    expect(within(dialog).queryByText(/Uses one paid seat/)).toBeNull();

    answer();
    await expect.poll(() => assign.getAttribute('aria-disabled')).toBeNull();
    expect(assign).not.toHaveAccessibleDescription();
    expect(within(dialog).getByRole('combobox', { name: 'License country' })).toHaveValue('AR');
  });

  it('R7: countries that failed to load say so and load again', async () => {
    const { user, adapter } = renderWithOffboard(<LicenseOpener user={userOf('u-julia')} />);
    adapter.failNext('listPhoneNumbers', { when: 'before' });
    const dialog = await openDialog(user);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached.');
    expect(within(dialog).queryByRole('button', { name: 'Assign license' })).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const assign = await within(dialog).findByRole('button', { name: 'Assign license' });
    await expect.poll(() => assign.getAttribute('aria-disabled')).toBeNull();
    expect(within(dialog).getByRole('combobox', { name: 'License country' })).toHaveValue('AR');
  });

  it('R7: countries the host passes are the choice, and the phone numbers are not fetched for it', async () => {
    const { adapter } = renderWithOffboard(<ManageLicenseDialog user={userOf('u-julia')} open onOpenChange={() => undefined} countries={['PT', 'ES']} />);
    const country = await screen.findByRole('combobox', { name: 'License country' });
    expect(within(country).getAllByRole('option').map((option) => option.textContent)).toEqual(['Portugal', 'Spain']);
    expect(screen.getByRole('button', { name: 'Assign license' })).not.toHaveAttribute('aria-disabled');
    expect(adapter.calls.listPhoneNumbers).toBeUndefined();
  });

  it("R12: another user's license is admin-only to a member, said without asking for the plan", async () => {
    const { user, adapter } = renderWithOffboard(<LicenseOpener user={userOf('u-elena')} />, { actorId: 'u-carla' });
    const dialog = await openDialog(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Deactivate license' })).not.toBeInTheDocument();
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
  });

  it('R2: works by keyboard alone, traps focus and gives it back to its opener', async () => {
    const { user, backend } = renderWithOffboard(<LicenseOpener user={userOf('u-oscar')} />);
    await user.tab();
    const opener = screen.getByRole('button', { name: 'Open license' });
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Manage license' });
    await within(dialog).findByRole('button', { name: 'Deactivate license' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.tab();
    while (!within(dialog).getByRole('button', { name: 'Deactivate license' }).matches(':focus')) await user.tab();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByRole('button', { name: 'Deactivate license' })).toBeInTheDocument();

    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
    expect((await backend.getUser('u-oscar', observer)).license?.status).toBe('active');
  });
});
