import { demoOrganisation } from '@offboard/core/fixtures';
import type { User } from '@offboard/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { singleAdminOrganisation } from '@offboard/core/fixtures';
import { es } from '../../i18n/es';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { UserActionsMenu } from './UserActionsMenu';

const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;
const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

/** Opens the menu and returns the named item once the plan has loaded. */
async function openMenuItem(user: ReturnType<typeof renderWithOffboard>['user'], name: string, item: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menuitem', { name: item });
}

describe('UserActionsMenu', () => {
  it('R3: deactivates a user after a confirmation listing every effect, and announces it', async () => {
    const { user, backend, auditCount } = renderWithOffboard(<UserActionsMenu user={userOf('u-elena')} />);
    await user.click(await openMenuItem(user, 'Elena Torres', 'Deactivate user'));

    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Elena Torres?' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '20 contacts stay with Elena Torres and become orphaned.',
      '2 open tasks become transferable to other salespeople.',
      'Leaves 1 Sales Brain: Renewals.',
      '1 paid seat is freed.',
      'Elena Torres can no longer sign in. Calls, emails and other history are kept.',
      '1 open session ends now.',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Elena Torres was deactivated.');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect((await backend.getUser('u-elena', observer)).status).toBe('inactive');
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(1);
  });

  it('R4: keeps "Deactivate user" visible but disabled, with the exact reason as its description', async () => {
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} />);
    const item = await openMenuItem(user, 'Diego Rojas', 'Deactivate user');
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription(R4);

    await user.click(item);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('menu')).toBeInTheDocument();
  });

  it('R9: nobody deactivates themselves', async () => {
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-ana')} />);
    const item = await openMenuItem(user, 'Ana García', 'Deactivate user');
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('You cannot deactivate yourself.');
  });

  it('R9: the last active admin cannot be deactivated, even by a service identity', async () => {
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-ana')} />, {
      data: singleAdminOrganisation(),
      actorId: 'svc-directory',
      callerKind: 'service',
    });
    const item = await openMenuItem(user, 'Ana García', 'Deactivate user');
    expect(item).toHaveAccessibleDescription('The last active admin cannot be deactivated.');
  });

  it('R9: a member sees every action refused as admin-only', async () => {
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-elena')} onReassignContacts={vi.fn()} />, { actorId: 'u-carla' });
    expect(await openMenuItem(user, 'Elena Torres', 'Deactivate user')).toHaveAccessibleDescription('Only an active admin can do this.');
    expect(screen.getByRole('menuitem', { name: 'Reassign contacts' })).toHaveAccessibleDescription('Only an active admin can do this.');
  });

  it("R12: a member's menu shows the actions blocked with the not-admin reason and never reads another user's plan", async () => {
    const { user, adapter } = renderWithOffboard(
      <UserActionsMenu user={userOf('u-elena')} onReassignContacts={vi.fn()} onStartOffboarding={vi.fn()} />,
      { actorId: 'u-carla' },
    );
    const deactivate = await openMenuItem(user, 'Elena Torres', 'Deactivate user');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.querySelector('[data-part="menu-item-label"]')?.textContent)).toEqual([
      'Manage license',
      'Reassign contacts',
      'Start offboarding',
      'Deactivate user',
    ]);
    for (const item of items) {
      expect(item).toHaveAttribute('aria-disabled', 'true');
      expect(item).toHaveAccessibleDescription('Only an active admin can do this.');
      expect(item).toHaveTextContent('Only an active admin can do this.');
    }
    expect(screen.getByRole('menu')).toHaveAttribute('data-state', 'refused');

    await user.click(deactivate);
    await user.click(screen.getByRole('menuitem', { name: 'Manage license' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
  });

  it('R12: a service identity has no user record and acts like an admin', async () => {
    const { user, adapter } = renderWithOffboard(<UserActionsMenu user={userOf('u-elena')} />, { actorId: 'svc-directory', callerKind: 'service' });
    expect(await openMenuItem(user, 'Elena Torres', 'Deactivate user')).not.toHaveAttribute('aria-disabled');
    expect(adapter.calls.getUser).toBeUndefined();
    expect(adapter.calls.getOffboardingPlan).toBe(1);
  });

  it('R7: activates an inactive user, saying the license does not come back by itself', async () => {
    const { user, backend } = renderWithOffboard(<UserActionsMenu user={userOf('u-karla')} />);
    expect(screen.getByRole('button', { name: 'Actions for Karla Jiménez' })).toBeInTheDocument();
    await user.click(await openMenuItem(user, 'Karla Jiménez', 'Activate user'));

    const dialog = await screen.findByRole('dialog', { name: 'Activate Karla Jiménez?' });
    expect(dialog).toHaveTextContent('Karla Jiménez can sign in again and appears in active lists.');
    expect(dialog).toHaveTextContent('The license is not restored: assign one separately if needed.');
    await user.click(within(dialog).getByRole('button', { name: 'Activate user' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Karla Jiménez was activated.');
    expect(await backend.getUser('u-karla', observer)).toMatchObject({ status: 'active', license: { status: 'inactive' } });
  });

  it('renders the reassign and offboarding items only with their callbacks, and hands them the user', async () => {
    const onStartOffboarding = vi.fn();
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} onStartOffboarding={onStartOffboarding} />);
    await user.click(await openMenuItem(user, 'Diego Rojas', 'Start offboarding'));
    expect(onStartOffboarding).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-diego', name: 'Diego Rojas' }));

    await user.click(screen.getByRole('button', { name: 'Actions for Diego Rojas' }));
    await screen.findByRole('menuitem', { name: 'Manage license' });
    expect(screen.queryByRole('menuitem', { name: 'Reassign contacts' })).not.toBeInTheDocument();
  });

  it('R3: is usable by keyboard alone, disabled items included, and gives focus back to its button', async () => {
    const { user, backend } = renderWithOffboard(
      <>
        <UserActionsMenu user={userOf('u-diego')} />
        <UserActionsMenu user={userOf('u-oscar')} />
      </>,
    );
    await user.tab();
    const diegoTrigger = screen.getByRole('button', { name: 'Actions for Diego Rojas' });
    expect(diegoTrigger).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('menuitem', { name: 'Manage license' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Deactivate user' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(diegoTrigger).toHaveFocus();

    await user.tab();
    const oscarTrigger = screen.getByRole('button', { name: 'Actions for Óscar Paredes' });
    expect(oscarTrigger).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('menuitem', { name: 'Manage license' });
    await user.keyboard('{End}{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Óscar Paredes?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(oscarTrigger).toHaveFocus();

    await user.keyboard('{Enter}');
    await screen.findByRole('menuitem', { name: 'Manage license' });
    await user.keyboard('{End}{Enter}');
    await screen.findByRole('alertdialog');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Deactivate user' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Óscar Paredes was deactivated.');
    expect(oscarTrigger).toHaveFocus();
    expect((await backend.getUser('u-oscar', observer)).status).toBe('inactive');
  });

  it.each(['before', 'after'] as const)('R11: a network failure %s the change is retried with the same key and applied once', async (when) => {
    const { user, adapter, backend, auditCount } = renderWithOffboard(<UserActionsMenu user={userOf('u-elena')} />);
    await user.click(await openMenuItem(user, 'Elena Torres', 'Deactivate user'));
    const dialog = await screen.findByRole('alertdialog');
    adapter.failNext('deactivateUser', { when });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The server could not be reached.');
    expect(dialog).toHaveTextContent('20 contacts stay with Elena Torres and become orphaned.');
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(when === 'after' ? 1 : 0);
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Elena Torres was deactivated.');
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(1);
    expect((await backend.getUser('u-elena', observer)).version).toBe(2);
  });

  it('speaks Spanish, R4 included', async () => {
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} onReassignContacts={vi.fn()} />, { locale: 'es', messages: es });
    await user.click(screen.getByRole('button', { name: 'Acciones para Diego Rojas' }));
    const item = await screen.findByRole('menuitem', { name: 'Desactivar usuario' });
    expect(item).toHaveAccessibleDescription(
      'Debes desactivar los números de teléfono del país de esta licencia antes de quitar la última licencia del país.',
    );
    expect(screen.getByRole('menuitem', { name: 'Gestionar licencia' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Reasignar contactos' })).not.toHaveAttribute('aria-disabled');
  });
});
