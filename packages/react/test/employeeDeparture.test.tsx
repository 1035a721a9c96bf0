import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UsersScreen } from '../src/components/UsersScreen/UsersScreen';
import { observer, renderWithOffboard } from './renderWithOffboard';

const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";
const stepState = (stepId: string) => document.querySelector(`[data-part="checklist-step"][data-step="${stepId}"]`)?.getAttribute('data-state');

describe('Employee departure, done through UsersScreen alone', () => {
  it('R2–R8: Diego leaves: contacts split, tasks handed over, R4 met and cleared, license and user deactivated, then reactivated', async () => {
    const { user, backend, auditCount } = renderWithOffboard(<UsersScreen />);
    const diegoMenu = await screen.findByRole('button', { name: 'Actions for Diego Rojas' });

    // R4: deactivating Diego is blocked, with the article's words.
    await user.click(diegoMenu);
    expect(await screen.findByRole('menuitem', { name: 'Deactivate user' })).toHaveAccessibleDescription(R4);

    // R5: his 40 contacts, split evenly between Carla and Elena.
    await user.click(screen.getByRole('menuitem', { name: 'Reassign contacts' }));
    const wizard = await screen.findByRole('dialog', { name: 'Reassign contacts' });
    await user.click(await within(wizard).findByRole('button', { name: 'Select all 40 contacts' }));
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    await user.click(within(wizard).getByRole('radio', { name: 'Split evenly among several' }));
    await user.click(within(wizard).getByRole('checkbox', { name: /^Carla Méndez/ }));
    await user.click(within(wizard).getByRole('checkbox', { name: /^Elena Torres/ }));
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    await user.click(within(wizard).getByRole('button', { name: 'Reassign contacts' }));
    expect(await within(wizard).findByText('40 contacts were reassigned.', { selector: 'p' })).toBeInTheDocument();
    await user.click(within(wizard).getByText('Close', { selector: 'button' }));
    await waitFor(() => expect(diegoMenu).toHaveFocus());

    // R8: the checklist picks up from there; step 1 is already done.
    await user.click(diegoMenu);
    await user.click(await screen.findByRole('menuitem', { name: 'Start offboarding' }));
    const checklist = await screen.findByRole('dialog', { name: 'Offboarding checklist' });
    await within(checklist).findByRole('heading', { name: 'Offboarding Diego Rojas' });
    expect(stepState('reassign-contacts')).toBe('done');
    expect(stepState('deactivate-license')).toBe('blocked');

    // R8 step 2: his six open tasks go to Óscar.
    await within(checklist).findByRole('option', { name: 'Óscar Paredes' });
    await user.selectOptions(within(checklist).getByRole('combobox', { name: 'Receiving salesperson' }), 'Óscar Paredes');
    await user.click(within(checklist).getByRole('button', { name: 'Transfer 6 open tasks' }));
    await expect.poll(() => stepState('transfer-tasks')).toBe('done');

    // R4's way out: the Colombian numbers go first.
    await user.click(within(checklist).getByRole('button', { name: 'Deactivate 2 numbers' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Deactivate 2 phone numbers in Colombia?' })).getByRole('button', { name: 'Deactivate 2 numbers' }));
    await expect.poll(() => stepState('check-phone-numbers')).toBe('done');

    // R2 then R3, each confirmed with its effects.
    await user.click(within(checklist).getByRole('button', { name: 'Deactivate license' }));
    const license = await screen.findByRole('alertdialog', { name: 'Deactivate the license of Diego Rojas?' });
    expect(license).toHaveTextContent('Leaves 2 Sales Brains: Inbound SDR playbook and Enterprise LATAM.');
    await user.click(within(license).getByRole('button', { name: 'Deactivate license' }));
    await expect.poll(() => stepState('deactivate-license')).toBe('done');

    await user.click(within(checklist).getByRole('button', { name: 'Deactivate user' }));
    const deactivate = await screen.findByRole('alertdialog', { name: 'Deactivate Diego Rojas?' });
    expect(deactivate).toHaveTextContent('Diego Rojas can no longer sign in.');
    await user.click(within(deactivate).getByRole('button', { name: 'Deactivate user' }));
    expect(await within(checklist).findByText('Every step is done.')).toBeInTheDocument();
    await user.keyboard('{Escape}');

    // R3: he leaves the active list and is found under Inactive, history intact (R1).
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /^Diego Rojas/ })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Inactive' }));
    const row = (await screen.findByRole('rowheader', { name: /^Diego Rojas/ })).closest('tr')!;
    expect(within(row).getByText('Colombia · inactive')).toBeInTheDocument();

    // R7: and comes back.
    await user.click(within(row).getByRole('button', { name: 'Actions for Diego Rojas' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Activate user' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Activate Diego Rojas?' })).getByRole('button', { name: 'Activate user' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Diego Rojas was activated.');
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /^Diego Rojas/ })).not.toBeInTheDocument());

    // R10: each change left exactly one audit entry.
    expect(await auditCount('contacts.reassigned', 'u-diego')).toBe(1);
    expect(await auditCount('tasks.transferred', 'u-diego')).toBe(1);
    expect(await auditCount('phoneNumber.deactivated', 'pn-co-1')).toBe(1);
    expect(await auditCount('license.deactivated', 'u-diego')).toBe(1);
    expect(await auditCount('user.deactivated', 'u-diego')).toBe(1);
    expect(await auditCount('user.reactivated', 'u-diego')).toBe(1);
    expect(await backend.getUser('u-diego', observer)).toMatchObject({ status: 'active', license: { country: 'CO', status: 'inactive' } });
    expect((await backend.listContacts({ ownerId: 'u-carla', limit: 1 }, observer)).total).toBe(45);
    expect((await backend.listContacts({ ownerId: 'u-elena', limit: 1 }, observer)).total).toBe(40);
    expect((await backend.listHistory({ userId: 'u-diego', limit: 1 }, observer)).total).toBeGreaterThan(0);
    // A whole departure, a hundred requests and their renders: ~2 s alone, more on a busy machine.
  }, 15_000);
});
