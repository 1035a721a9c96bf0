import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithOffboard } from '../../../test/renderWithOffboard';
import { UsersScreen } from './UsersScreen';

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const names = () => screen.queryAllByRole('rowheader').map((cell) => cell.firstChild?.textContent);

describe('UsersScreen', () => {
  it("R12: a member sees active users without others' emails, no seats, no Inactive filter", async () => {
    const { user, adapter } = renderWithOffboard(<UsersScreen />, { actorId: 'u-carla' });
    expect(await screen.findByRole('rowheader', { name: /^Ana García/ })).toBeInTheDocument();
    expect(names()).toHaveLength(13);
    expect(names()).not.toContain('Karla Jiménez');
    expect(within(rowOf('Diego Rojas')).getByText('Colombia')).toBeInTheDocument();
    expect(within(rowOf('Diego Rojas')).getByText('Member')).toBeInTheDocument();
    expect(within(rowOf('Bruno Díaz')).getByText('Admin')).toBeInTheDocument();
    expect(within(rowOf('Marta Castillo')).getByText('Mexico · inactive')).toBeInTheDocument();
    // Her own email only: everyone else's is admin-only.
    expect(screen.getAllByText(/@/).map((email) => email.textContent)).toEqual(['carla@vixiees.example']);
    expect(rowOf('Ana García').querySelector('[data-part="user-email"]')).toBeNull();

    // Once her standing is known, each row's menu refuses every action without asking for a plan.
    await user.click(screen.getByRole('button', { name: 'Actions for Diego Rojas' }));
    expect(await screen.findByRole('menuitem', { name: 'Deactivate user' })).toHaveAccessibleDescription('Only an active admin can do this.');
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Show' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Inactive' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Orphaned contacts' })).not.toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Nothing R12 refuses a member was asked for.
    expect([adapter.calls.getSeatUsage, adapter.calls.listContacts, adapter.calls.getOffboardingPlan]).toEqual([undefined, undefined, undefined]);
  });

  it('R12: a service identity sees what an admin sees', async () => {
    const { adapter } = renderWithOffboard(<UsersScreen />, { actorId: 'svc-directory', callerKind: 'service' });
    expect(await screen.findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');
    expect(await screen.findByRole('region', { name: 'Orphaned contacts' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inactive' })).toBeInTheDocument();
    expect(await screen.findByRole('checkbox', { name: 'Select Diego Rojas' })).toBeInTheDocument();
    expect(within(rowOf('Diego Rojas')).getByText('diego@vixiees.example')).toBeInTheDocument();
    // Only the two owners the notice names: a service has no user record to ask for.
    expect(adapter.calls.getUser).toBe(2);
  });

});
