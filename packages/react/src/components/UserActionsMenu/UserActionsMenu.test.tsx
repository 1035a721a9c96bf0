import { demoOrganisation } from '@offboard/core/fixtures';
import type { User } from '@offboard/core';
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { UserActionsMenu } from './UserActionsMenu';

const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;

/** Opens the menu and returns the named item once the plan has loaded. */
async function openMenuItem(user: ReturnType<typeof renderWithOffboard>['user'], name: string, item: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menuitem', { name: item });
}

describe('UserActionsMenu', () => {
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

  it('R12: offers the user\'s history only with its callback, to admins, and hands it the user', async () => {
    const onShowHistory = vi.fn();
    const { user } = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} onShowHistory={onShowHistory} />);
    await user.click(await openMenuItem(user, 'Diego Rojas', 'History'));
    expect(onShowHistory).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-diego' }));
    cleanup();

    // A member's menu shows it blocked with the not-admin reason, like every other item.
    const member = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} onShowHistory={onShowHistory} />, { actorId: 'u-carla' });
    expect(await openMenuItem(member.user, 'Diego Rojas', 'History')).toHaveAttribute('aria-disabled', 'true');
    cleanup();

    const without = renderWithOffboard(<UserActionsMenu user={userOf('u-diego')} />);
    await openMenuItem(without.user, 'Diego Rojas', 'Manage license');
    expect(screen.queryByRole('menuitem', { name: 'History' })).not.toBeInTheDocument();
    expect(onShowHistory).toHaveBeenCalledTimes(1);
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
    // "Deactivate on a date…" (R15) is last; "Deactivate user" just above it.
    await user.keyboard('{End}{ArrowUp}{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Óscar Paredes?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(oscarTrigger).toHaveFocus();

    await user.keyboard('{Enter}');
    await screen.findByRole('menuitem', { name: 'Manage license' });
    await user.keyboard('{End}{ArrowUp}{Enter}');
    await screen.findByRole('alertdialog');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Deactivate user' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Óscar Paredes was deactivated.');
    expect(oscarTrigger).toHaveFocus();
    expect((await backend.getUser('u-oscar', observer)).status).toBe('inactive');
  });

});
