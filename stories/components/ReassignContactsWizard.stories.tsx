import type { Meta, StoryObj } from '@storybook/react-vite';
import type { OffboardData } from '@offboard/core';
import { demoOrganisation } from '@offboard/core/fixtures';
import { ReassignContactsWizard } from '@offboard/react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { NETWORK_ERROR_MESSAGE, auditCount, contactsOwnedBy, expectAnnounced, loadedOf, themeOf } from '../support/play';
import { LOADING } from '../support/storyStates';

const meta = {
  title: 'Components/ReassignContactsWizard',
  component: ReassignContactsWizard,
  args: { ownerId: 'u-diego', onClose: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'R5: choose contacts (all with one button, or searched and picked in a virtualised listbox) → one salesperson or several to split evenly → review → submit → result. Only active salespeople other than the owner are offered. A failure keeps every choice and retries under the same key.',
      },
    },
  },
} satisfies Meta<typeof ReassignContactsWizard>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Every license inactive: nobody is a salesperson, so contacts have nowhere to go (R5). */
function organisationWithoutSalespeople(): OffboardData {
  const data = demoOrganisation();
  return { ...data, users: data.users.map((user) => (user.license ? { ...user, license: { ...user.license, status: 'inactive' as const } } : user)) };
}

/** Step 1 → 2 with every contact chosen; returns the canvas for the next steps. */
async function chooseAllContacts(canvasElement: HTMLElement, count: number) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: `Select all ${count} contacts` }));
  await expect(canvas.getByText(`${count} of ${count} selected`)).toBeVisible();
  await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
  await expect(canvas.getByRole('heading', { name: 'Step 2 of 4: Choose salespeople' })).toHaveFocus();
  return canvas;
}

/** R5: all of Diego's contacts to one salesperson, with the result as the audit log recorded it. */
export const ToOneSalespersonR5: Story = {
  name: 'To one salesperson (R5)',
  play: async (context) => {
    const loaded = loadedOf(context);
    const canvas = await chooseAllContacts(context.canvasElement, 40);
    await userEvent.click(canvas.getByRole('radio', { name: /^Bruno Díaz/ }));
    await expect(canvas.getByRole('radio', { name: /^Bruno Díaz/ })).toHaveAccessibleName(/receives 40 contacts/);
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));

    await expect(canvas.getByText('Move 40 contacts from Diego Rojas to:')).toBeVisible();
    await expect(canvas.getByText('Bruno Díaz: receives 40 contacts')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Reassign contacts' }));

    await expect(await canvas.findByRole('heading', { name: 'Step 4 of 4: Result' })).toHaveFocus();
    await expect(canvas.getByText('40 contacts were reassigned.', { selector: 'p' })).toBeVisible();
    await expect(canvas.getByText(/^Recorded in the audit log on /)).toBeVisible();
    await expectAnnounced('40 contacts were reassigned.');
    await expect(await contactsOwnedBy(loaded, 'u-diego')).toBe(0);
    await expect(await contactsOwnedBy(loaded, 'u-bruno')).toBe(15 + 40);
    await expect(await auditCount(loaded, 'contacts.reassigned', 'u-diego')).toBe(1);

    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(context.args.onClose).toHaveBeenCalled();
  },
};

/** R5: only other active salespeople are offered; the split is even and shown before submitting. */
export const SplitEvenlyR5: Story = {
  name: 'Split evenly (R5)',
  play: async (context) => {
    const loaded = loadedOf(context);
    const canvas = await chooseAllContacts(context.canvasElement, 40);
    await userEvent.click(canvas.getByRole('radio', { name: 'Split evenly among several' }));
    const offered = within(canvas.getByRole('group', { name: 'Salespeople' })).getAllByRole('checkbox');
    // Not Diego (the owner), Nora and Julia (no license), Karla (inactive) nor Marta (license inactive).
    await expect(offered.map((box) => box.closest('label')?.querySelector('[data-part="target-name"]')?.textContent)).toEqual([
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
    await expect(canvas.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
    for (const name of ['Carla Méndez', 'Elena Torres', 'Óscar Paredes']) await userEvent.click(canvas.getByRole('checkbox', { name: new RegExp(`^${name}`) }));
    await expect(canvas.getByRole('checkbox', { name: /^Carla Méndez/ })).toHaveAccessibleName(/receives 14 contacts/);
    await expect(canvas.getByRole('checkbox', { name: /^Óscar Paredes/ })).toHaveAccessibleName(/receives 13 contacts/);
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Reassign contacts' }));

    await expect(await canvas.findByText('40 contacts were reassigned.', { selector: 'p' })).toBeVisible();
    await expect(await contactsOwnedBy(loaded, 'u-carla')).toBe(25 + 14);
    await expect(await contactsOwnedBy(loaded, 'u-elena')).toBe(20 + 13);
    await expect(await contactsOwnedBy(loaded, 'u-oscar')).toBe(12 + 13);
  },
};

/** The listbox by keyboard: arrows move, Space picks, and the count follows. */
export const PickContactsByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Contacts of Diego Rojas' });
    await expect(list).toHaveAccessibleDescription('Use the arrow keys to move and Space to select.');
    await canvas.findAllByRole('option');
    for (let step = 0; step < 20 && list.ownerDocument.activeElement !== list; step++) await userEvent.tab();
    await expect(list).toHaveFocus();

    await userEvent.keyboard('{ArrowDown}[Space]{ArrowDown}{ArrowDown}[Space]');
    const chosen = within(list).getAllByRole('option', { selected: true });
    await expect(chosen.map((option) => option.getAttribute('aria-posinset'))).toEqual(['2', '4']);
    await expect(list).toHaveAttribute('aria-activedescendant', chosen[1]!.id);
    await expect(canvas.getByText('2 of 40 selected')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Next' })).not.toHaveAttribute('aria-disabled');
  },
};

export const SearchWithoutMatches: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('button', { name: 'Select all 40 contacts' });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search contacts' }), 'zzzz');
    await expect(await canvas.findByText('No contacts match “zzzz”.')).toBeVisible();
    await expect(within(canvas.getByRole('listbox')).queryAllByRole('option')).toHaveLength(0);
    await expect(canvas.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/** An owner with no contacts: nothing to choose, and Next says so by staying inert. */
export const OwnerWithoutContacts: Story = {
  args: { ownerId: 'u-julia' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Reassign contacts of Julia Fernández' })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Select all 0 contacts' }));
    await expect(canvas.getByText('0 of 0 selected')).toBeVisible();
    await expect(within(canvas.getByRole('listbox', { name: 'Contacts of Julia Fernández' })).queryAllByRole('option')).toHaveLength(0);
    await expect(canvas.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const NoEligibleSalespersonR5: Story = {
  name: 'No eligible salesperson (R5)',
  args: { ownerId: 'u-marta' },
  parameters: { offboard: { data: organisationWithoutSalespeople } },
  play: async ({ canvasElement }) => {
    const canvas = await chooseAllContacts(canvasElement, 9);
    const targets = canvas.getByRole('group', { name: 'Salespeople' });
    // R5: contacts go to salespeople only, and there is none.
    await expect(targets).toHaveAccessibleDescription('There is no other active salesperson to receive them.');
    await expect(within(targets).queryAllByRole('radio')).toHaveLength(0);
    await expect(canvas.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * R9 up front: a member learns that only an admin reassigns contacts before choosing anything,
 * and Diego's contacts, which R12 keeps from members, are never asked for. Nothing moves.
 */
export const MemberActorR9: Story = {
  name: 'Member actor (R9)',
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async (context) => {
    const loaded = loadedOf(context);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Only an active admin can do this.');
    await expect(canvas.getByRole('heading', { name: 'Reassign contacts' })).toBeVisible();
    // A refusal is not retried, and no step is offered that would only end in it.
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('listbox')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    await expect(await contactsOwnedBy(loaded, 'u-diego')).toBe(40);
    await expect(await auditCount(loaded, 'contacts.reassigned', 'u-diego')).toBe(0);
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Loading…')).toBeVisible();
    await expect(canvas.queryByRole('listbox')).not.toBeInTheDocument();
  },
};

/** R11: the answer is lost after the backend moved the contacts; the retry replays, nothing moves twice. */
export const AdapterErrorAndRetryR11: Story = {
  name: 'Adapter error and retry (R11)',
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const loaded = loadedOf(context);
    const canvas = await chooseAllContacts(context.canvasElement, 40);
    await userEvent.click(canvas.getByRole('radio', { name: /^Bruno Díaz/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));

    loaded.faults.set('reassignContacts', { kind: 'network-error', when: 'after', times: 1 });
    await userEvent.click(canvas.getByRole('button', { name: 'Reassign contacts' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    // Every choice is kept, and the primary button became the retry, keeping focus.
    await expect(canvas.getByText('Bruno Díaz: receives 40 contacts')).toBeVisible();
    const retry = canvas.getByRole('button', { name: 'Try again' });
    await expect(retry).toHaveFocus();
    await userEvent.click(retry);

    await expect(await canvas.findByText('40 contacts were reassigned.', { selector: 'p' })).toBeVisible();
    await expect(await auditCount(loaded, 'contacts.reassigned', 'u-diego')).toBe(1);
    await expect(await contactsOwnedBy(loaded, 'u-bruno')).toBe(15 + 40);
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Reasignar los contactos de Diego Rojas' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'Paso 1 de 4: Elegir contactos' })).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: 'Seleccionar los 40 contactos' }));
    await expect(canvas.getByText('40 de 40 seleccionados')).toBeVisible();
    await expect(canvas.getByRole('listbox', { name: 'Contactos de Diego Rojas' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Siguiente' }));
    await expect(canvas.getByRole('radio', { name: 'Repartir a partes iguales entre varios' })).toBeInTheDocument();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading', { name: 'Reassign contacts of Diego Rojas' });
    await expect(themeOf(heading)).toBe('dark');
    await waitFor(() => expect(within(canvasElement).getAllByRole('option').length).toBeGreaterThan(0));
  },
};
