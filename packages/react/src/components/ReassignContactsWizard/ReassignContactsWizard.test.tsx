import { generateOrganisation } from '@offboard/core/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { ReassignContactsWizard } from './ReassignContactsWizard';

type Rendered = ReturnType<typeof renderWithOffboard>;

async function tabTo(user: Rendered['user'], element: HTMLElement) {
  for (let i = 0; i < 30 && document.activeElement !== element; i++) await user.tab();
  expect(element).toHaveFocus();
}

const ownedBy = async (backend: Rendered['backend'], ownerId: string) => (await backend.listContacts({ ownerId, limit: 1 }, observer)).total;

describe('ReassignContactsWizard', () => {
  it('R5: walks every step by keyboard alone, picking contacts in the list and one salesperson', async () => {
    const { user, backend } = renderWithOffboard(<ReassignContactsWizard ownerId="u-diego" />);
    const list = await screen.findByRole('listbox', { name: 'Contacts of Diego Rojas' });
    expect(list).toHaveAccessibleDescription('Use the arrow keys to move and Space to select.');
    await screen.findAllByRole('option');
    await tabTo(user, list);

    await user.keyboard('{ArrowDown}[Space]{ArrowDown}{ArrowDown}[Space]');
    const chosen = within(list).getAllByRole('option', { selected: true });
    expect(chosen.map((option) => option.getAttribute('aria-posinset'))).toEqual(['2', '4']);
    expect(list).toHaveAttribute('aria-activedescendant', chosen[1]!.id);
    expect(screen.getByText('2 of 40 selected')).toBeInTheDocument();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Step 2 of 4: Choose salespeople' })).toHaveFocus();

    await tabTo(user, screen.getByRole('radio', { name: /^Ana García/ }));
    await user.keyboard('[Space]');
    expect(screen.getByRole('radio', { name: /^Ana García/ })).toBeChecked();
    await tabTo(user, screen.getByRole('button', { name: 'Next' }));
    await user.keyboard('{Enter}');

    expect(screen.getByRole('heading', { name: 'Step 3 of 4: Review' })).toHaveFocus();
    expect(screen.getByText('Move 2 contacts from Diego Rojas to:')).toBeInTheDocument();
    expect(screen.getByText('Ana García: receives 2 contacts')).toBeInTheDocument();
    await tabTo(user, screen.getByRole('button', { name: 'Reassign contacts' }));
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Step 4 of 4: Result' })).toHaveFocus();
    expect(screen.getByText('2 contacts were reassigned.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 contacts were reassigned.');
    expect(await ownedBy(backend, 'u-diego')).toBe(38);
    expect(await ownedBy(backend, 'u-ana')).toBe(17);
  });

  it('R5: offers only other active salespeople and splits all contacts evenly among the chosen ones', async () => {
    const { user, backend } = renderWithOffboard(<ReassignContactsWizard ownerId="u-diego" />);
    const selectAll = await screen.findByRole('button', { name: 'Select all 40 contacts' });
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAccessibleDescription('Select at least one contact to continue.');
    await user.click(selectAll);
    expect(screen.getByText('40 of 40 selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('radio', { name: 'Split evenly among several' }));
    const offered = within(screen.getByRole('group', { name: 'Salespeople' })).getAllByRole('checkbox');
    expect(offered.map((box) => box.closest('label')?.querySelector('[data-part="target-name"]')?.textContent)).toEqual([
      'Ana García',
      'Bruno Díaz',
      'Carla Méndez',
      'Elena Torres',
      'Fernando Ruiz',
      'Gabriela Soto',
      'Hugo Vargas',
      'Ignacio Luna',
      'Óscar Paredes',
    ]);
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAccessibleDescription('Choose at least one salesperson to continue.');
    await user.click(screen.getByRole('checkbox', { name: /^Carla Méndez/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Elena Torres/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Óscar Paredes/ }));
    expect(screen.getByRole('checkbox', { name: /^Carla Méndez/ })).toHaveAccessibleName(/receives 14 contacts/);
    expect(screen.getByRole('checkbox', { name: /^Óscar Paredes/ })).toHaveAccessibleName(/receives 13 contacts/);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Reassign contacts' }));

    expect(await screen.findByText('40 contacts were reassigned.', { selector: 'p' })).toBeInTheDocument();
    expect(await ownedBy(backend, 'u-diego')).toBe(0);
    expect(await ownedBy(backend, 'u-carla')).toBe(25 + 14);
    expect(await ownedBy(backend, 'u-oscar')).toBe(12 + 13);
  });

  it('R9: a member learns up front that only an admin reassigns contacts, and nothing R12 keeps from them is read', async () => {
    const { adapter } = renderWithOffboard(<ReassignContactsWizard ownerId="u-diego" />, { actorId: 'u-carla' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an active admin can do this.');
    expect(screen.getByRole('heading', { name: 'Reassign contacts' })).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect([adapter.calls.listContacts, adapter.calls.getOffboardingPlan]).toEqual([undefined, undefined]);
    // Her own record, which the core judges her standing from, and nothing else about users.
    expect(adapter.calls.getUser).toBe(1);
  });

  it('R5: searches, selects the matches shown and goes back without losing the choice', async () => {
    const { user } = renderWithOffboard(<ReassignContactsWizard ownerId="u-diego" />);
    const list = await screen.findByRole('listbox');
    const first = (await within(list).findAllByRole('option'))[0]!;
    const surname = first.textContent!.split(' ')[1]!;
    // Pasted, so the search is asked once: typed, each prefix's answer would show on the way.
    await user.click(screen.getByRole('searchbox', { name: 'Search contacts' }));
    await user.paste(surname);
    // The search's answer, not the moment it is asked: until then no contact is shown.
    const select = await screen.findByRole('button', { name: /^Select the [1-9]\d* contacts? shown$/ });
    const matches = Number(/\d+/.exec(select.textContent!)![0]);
    await user.click(select);
    expect(screen.getByText(`${matches} of 40 selected`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText(`${matches} of 40 selected`)).toBeInTheDocument();
  });

  it('renders only the rows in view of 50,000 contacts, pages on demand, and moves them all', async () => {
    const data = generateOrganisation({ contacts: 100, users: 20, focus: { contacts: 50_000, tasks: 0 } });
    const { user, backend } = renderWithOffboard(<ReassignContactsWizard ownerId="u-focus" />, { data, actorId: 'u-0000001' });
    const list = await screen.findByRole('listbox', { name: 'Contacts of Focus Seller' });
    const rows = await within(list).findAllByRole('option');
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]).toHaveAttribute('aria-setsize', '50000');

    await tabTo(user, list);
    await user.keyboard('{End}');
    const activeRow = () => document.getElementById(list.getAttribute('aria-activedescendant')!);
    expect(activeRow()).toHaveAttribute('aria-posinset', '200');
    await expect.poll(() => list.querySelector('[aria-posinset="201"]')).not.toBeNull();
    await user.keyboard('{End}');
    expect(activeRow()).toHaveAttribute('aria-posinset', '400');
    expect(within(list).getAllByRole('option').length).toBeLessThan(30);

    await user.click(screen.getByRole('button', { name: 'Select all 50,000 contacts' }));
    expect(screen.getByText('50,000 of 50,000 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Split evenly among several' }));
    const [firstTarget, secondTarget] = within(screen.getByRole('group', { name: 'Salespeople' })).getAllByRole('checkbox');
    await user.click(firstTarget!);
    await user.click(secondTarget!);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Reassign contacts' }));
    expect(await screen.findByText('50,000 contacts were reassigned.', { selector: 'p' })).toBeInTheDocument();
    expect(await ownedBy(backend, 'u-focus')).toBe(0);
  });
});
