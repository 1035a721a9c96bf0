import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { es } from '../../i18n/es';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { UsersScreen } from './UsersScreen';

const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";
const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;
const names = () => screen.queryAllByRole('rowheader').map((cell) => cell.firstChild?.textContent);

describe('UsersScreen', () => {
  it('R3: lists active users with role, license and seats; Inactive and search narrow the list', async () => {
    const { user } = renderWithOffboard(<UsersScreen />);
    expect(await screen.findByRole('rowheader', { name: /^Ana García/ })).toBeInTheDocument();
    expect(names()).toHaveLength(13);
    expect(names()).not.toContain('Karla Jiménez');
    expect(within(rowOf('Diego Rojas')).getByText('Colombia')).toBeInTheDocument();
    expect(within(rowOf('Diego Rojas')).getByText('Member')).toBeInTheDocument();
    expect(within(rowOf('Nora Quintero')).getByText('No license')).toBeInTheDocument();
    expect(within(rowOf('Marta Castillo')).getByText('Mexico · inactive')).toBeInTheDocument();
    expect(await screen.findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '10 of 11 seats used');

    await user.click(screen.getByRole('button', { name: 'Inactive' }));
    expect(screen.getByRole('button', { name: 'Inactive' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(names).toEqual(['Karla Jiménez']);

    await user.click(screen.getByRole('button', { name: 'Active' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'ga');
    await expect.poll(names).toEqual(['Ana García', 'Gabriela Soto', 'Hugo Vargas']);
  });

  it('R7: reactivates a user from the Inactive filter', async () => {
    const { user } = renderWithOffboard(<UsersScreen />);
    await user.click(await screen.findByRole('button', { name: 'Inactive' }));
    await user.click(await screen.findByRole('button', { name: 'Actions for Karla Jiménez' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Activate user' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Activate Karla Jiménez?' })).getByRole('button', { name: 'Activate user' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Karla Jiménez was activated.');
    await expect.poll(names).toEqual([]);
    expect(screen.getByText('No users match.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Active' }));
    expect(await screen.findByRole('rowheader', { name: /^Karla Jiménez/ })).toBeInTheDocument();
  });

  it('R8: deactivates the selected licenses after one combined preview (team downsizing)', async () => {
    const { user, backend } = renderWithOffboard(<UsersScreen />);
    for (const name of ['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas']) await user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Deactivate 3 licenses' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
    expect(dialog).toHaveAccessibleDescription('One combined preview for 3 users.');
    expect(await within(dialog).findByText('3 of 3 licenses can be deactivated.')).toBeInTheDocument();
    const effects = within(dialog).getByRole('region', { name: 'What happens' });
    expect(within(effects).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '42 contacts stay with Fernando Ruiz, Gabriela Soto, and Hugo Vargas and become orphaned.',
      '6 open tasks become transferable to other salespeople.',
      'Leaves 3 Sales Brains: Enterprise LATAM, Mexico City field team, and Renewals.',
      '3 paid seats are freed.',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 3 licenses' }));

    expect(await within(dialog).findAllByText('Deactivated')).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('3 licenses were deactivated.');
    await user.click(within(dialog).getByText('Close', { selector: 'button' }));
    expect(await within(rowOf('Hugo Vargas')).findByText('Mexico · inactive')).toBeInTheDocument();
    expect(await screen.findByRole('meter', { name: 'Seat usage' })).toHaveAttribute('aria-valuetext', '7 of 11 seats used');
    expect((await backend.getSeatUsage(observer)).used).toBe(7);
  });

  it('R4: the batch refuses the license that would be the last in a country with numbers, and the rest go', async () => {
    const { user, backend } = renderWithOffboard(<UsersScreen />);
    for (const name of ['Bruno Díaz', 'Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas', 'Ignacio Luna']) {
      await user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));
    }
    await user.click(screen.getByRole('button', { name: 'Deactivate 5 licenses' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
    expect(await within(dialog).findByText('3 of 5 licenses can be deactivated.')).toBeInTheDocument();
    const refused = within(dialog)
      .getAllByRole('listitem')
      .filter((item) => item.dataset.state === 'refused');
    expect(refused.map((item) => [item.dataset.userId, item.querySelector('[data-part="reason"]')?.textContent])).toEqual([
      ['u-hugo', R4],
      ['u-ignacio', R4],
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 3 licenses' }));
    expect(await within(dialog).findAllByText('Skipped')).toHaveLength(2);
    expect((await backend.getUser('u-hugo', observer)).license?.status).toBe('active');
    expect((await backend.getUser('u-bruno', observer)).license?.status).toBe('inactive');
  });

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

  it('speaks Spanish', async () => {
    renderWithOffboard(<UsersScreen />, { locale: 'es', messages: es });
    expect(await screen.findByRole('heading', { name: 'Usuarios' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Acciones para Diego Rojas' })).toBeInTheDocument();
    expect(within(rowOf('Diego Rojas')).getByText('Miembro')).toBeInTheDocument();
    expect(within(rowOf('Nora Quintero')).getByText('Sin licencia')).toBeInTheDocument();
    expect(await screen.findByRole('meter', { name: 'Uso de puestos' })).toHaveAttribute('aria-valuetext', '10 de 11 puestos en uso');
    expect(screen.getByRole('region', { name: 'Contactos huérfanos' })).toHaveTextContent('19 contactos pertenecen a personas que ya no son vendedores.');
  });
});
