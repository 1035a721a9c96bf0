import { singleAdminOrganisation } from '@offboard/core/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { UserActionsMenu } from '@offboard/react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import {
  NETWORK_ERROR_MESSAGE,
  R4_MESSAGE,
  R4_MESSAGE_ES,
  auditCount,
  expectAnnounced,
  expectBlocked,
  loadedOf,
  openActionsMenu,
  themeOf,
} from '../support/play';
import { LOADING, subjectOf } from '../support/storyStates';

const meta = {
  title: 'Components/UserActionsMenu',
  component: UserActionsMenu,
  // The user comes from the story's own backend (`parameters.subject`), so its id and version are real.
  render: (args, context) => <UserActionsMenu {...args} user={subjectOf(context, 'u-carla')} />,
  args: { user: undefined as never, onReassignContacts: fn(), onStartOffboarding: fn() },
  argTypes: { user: { control: false, description: 'Set by each story from its organisation (`parameters.subject`).' } },
  parameters: {
    docs: {
      description: {
        component:
          'The actions of one user, as a menu button. Every item is computed from the user’s plan for the signed-in admin (Ana García): a blocked item stays in the menu, focusable, with the rule’s reason as visible text and as its description. A member gets every item refused, and no plan is asked for.',
      },
    },
  },
} satisfies Meta<typeof UserActionsMenu>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Carla Méndez');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items.map((item) => item.textContent)).toEqual(['Manage license', 'Reassign contacts', 'Start offboarding', 'Deactivate user', 'Deactivate on a date…']);
    for (const item of items) await expect(item).not.toHaveAttribute('aria-disabled');

    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Start offboarding' }));
    await expect(args.onStartOffboarding).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-carla', name: 'Carla Méndez' }));
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Actions for Carla Méndez' }));
    // The items come with the plan: until it arrives the menu's only item is an inert "Loading…".
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items).toHaveLength(1);
    await expect(items[0]).toHaveTextContent('Loading…');
    await expect(items[0]).toHaveAttribute('aria-disabled', 'true');
  },
};

/** R3: the confirmation lists every effect before anything changes; the change is written once. */
export const DeactivateUserR3: Story = {
  name: 'Deactivate user (R3)',
  parameters: { subject: 'u-elena' },
  play: async (context) => {
    const loaded = loadedOf(context);
    const menu = await openActionsMenu(context.canvasElement, 'Actions for Elena Torres');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate user' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Elena Torres?' });
    await expect(dialog).toHaveAccessibleDescription('Their license goes too, if they have one, and its seat is freed. The user is kept with all their history; nothing is deleted.');
    await expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '20 contacts stay with Elena Torres and become orphaned.',
      '2 open tasks become transferable to other salespeople.',
      'Leaves 1 Sales Brain: Renewals.',
      '1 paid seat is freed.',
      'Elena Torres can no longer sign in. Calls, emails and other history are kept.',
      '1 open session ends now.',
    ]);
    // A destructive confirmation starts on Cancel.
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));

    await expectAnnounced('Elena Torres was deactivated.');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect((await loaded.backend.getUser('u-elena', loaded.observer)).status).toBe('inactive');
    await expect(await auditCount(loaded, 'user.deactivated', 'u-elena')).toBe(1);

    // The menu follows the new truth: an inactive user is offered activation instead.
    const after = await openActionsMenu(context.canvasElement, 'Actions for Elena Torres');
    await expect(await within(after).findByRole('menuitem', { name: 'Activate user' })).toBeInTheDocument();
  },
};

export const BlockedByLastLicenseR4: Story = {
  name: 'Blocked by last license (R4)',
  parameters: { subject: 'u-diego' },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Diego Rojas');
    const item = within(menu).getByRole('menuitem', { name: 'Deactivate user' });
    // R4: Diego holds Colombia's last license and Colombia has active numbers.
    await expectBlocked(item, R4_MESSAGE);
    await expect(item).toHaveTextContent(R4_MESSAGE);

    await userEvent.click(item);
    await expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await expect(screen.getByRole('menu')).toBeInTheDocument();
  },
};

export const SelfGuardR9: Story = {
  name: 'Self guard (R9)',
  parameters: { subject: 'u-ana' },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Ana García');
    // R9: Ana is the signed-in admin; nobody deactivates themselves.
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Deactivate user' }), 'You cannot deactivate yourself.');
  },
};

export const LastAdminGuardR9: Story = {
  name: 'Last admin guard (R9)',
  // Ana is the only admin left; a directory-sync identity, which acts like an admin, still may not remove her.
  parameters: { subject: 'u-ana', offboard: { data: singleAdminOrganisation, actorId: 'svc-directory', callerKind: 'service' } },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Ana García');
    // R9: the last active admin cannot be deactivated.
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Deactivate user' }), 'The last active admin cannot be deactivated.');
  },
};

/** R9 and R12: a member sees every action refused in words, and Elena's plan, which is an admin's to read, is never asked for. */
export const MemberActorR9: Story = {
  name: 'Member actor (R9)',
  parameters: { subject: 'u-elena', offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement, args }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Elena Torres');
    await expect(menu).toHaveAttribute('data-state', 'refused');
    const items = within(menu).getAllByRole('menuitem');
    await expect(items.map((item) => item.querySelector('[data-part="menu-item-label"]')?.textContent)).toEqual([
      'Manage license',
      'Reassign contacts',
      'Start offboarding',
      'Deactivate user',
    ]);
    // R9: Carla is a member; only admins act on other users.
    for (const item of items) await expectBlocked(item, 'Only an active admin can do this.');
    await expect(within(menu).getByRole('menuitem', { name: 'Deactivate user' })).toHaveTextContent('Only an active admin can do this.');

    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Start offboarding' }));
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Manage license' }));
    await expect(args.onStartOffboarding).not.toHaveBeenCalled();
    await expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  },
};

export const NoContactsToReassignR5: Story = {
  name: 'No contacts to reassign (R5)',
  parameters: { subject: 'u-julia' },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Julia Fernández');
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Reassign contacts' }), 'This user owns no contacts.');
    await expect(within(menu).getByRole('menuitem', { name: 'Deactivate user' })).not.toHaveAttribute('aria-disabled');
  },
};

/** R7: activation brings sign-in back, not the license, and says so before confirming. */
export const ActivateUserR7: Story = {
  name: 'Activate user (R7)',
  parameters: { subject: 'u-karla' },
  play: async (context) => {
    const loaded = loadedOf(context);
    const menu = await openActionsMenu(context.canvasElement, 'Actions for Karla Jiménez');
    await expect(within(menu).queryByRole('menuitem', { name: 'Deactivate user' })).not.toBeInTheDocument();
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Activate user' }));

    const dialog = await screen.findByRole('dialog', { name: 'Activate Karla Jiménez?' });
    await expect(dialog).toHaveTextContent('Karla Jiménez can sign in again and appears in active lists.');
    await expect(dialog).toHaveTextContent('The license is not restored: assign one separately if needed.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Activate user' }));

    await expectAnnounced('Karla Jiménez was activated.');
    await expect(await loaded.backend.getUser('u-karla', loaded.observer)).toMatchObject({ status: 'active', license: { country: 'ES', status: 'inactive' } });
    await expect(await auditCount(loaded, 'user.reactivated', 'u-karla')).toBe(1);
  },
};

export const OpensManageLicense: Story = {
  parameters: { subject: 'u-oscar' },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Actions for Óscar Paredes');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Manage license' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage license' });
    await expect(dialog).toHaveAccessibleDescription('Salesperson license of Óscar Paredes');
    await expect(await within(dialog).findByRole('button', { name: 'Deactivate license' })).toBeInTheDocument();

    // Closing gives focus back to the menu button, since the menu item that opened it is gone.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Actions for Óscar Paredes' })).toHaveFocus());
  },
};

/** R11: the answer is lost after the backend applied the change; the retry replays it under the same key. */
export const AdapterErrorAndRetryR11: Story = {
  name: 'Adapter error and retry (R11)',
  tags: ['expected-failed-requests'],
  parameters: { subject: 'u-elena' },
  play: async (context) => {
    const loaded = loadedOf(context);
    const menu = await openActionsMenu(context.canvasElement, 'Actions for Elena Torres');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate user' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Elena Torres?' });

    loaded.faults.set('deactivateUser', { kind: 'network-error', when: 'after', times: 1 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    // The confirmation keeps its effects, and the backend did apply the change once.
    await expect(dialog).toHaveTextContent('20 contacts stay with Elena Torres and become orphaned.');
    await expect(await auditCount(loaded, 'user.deactivated', 'u-elena')).toBe(1);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await expectAnnounced('Elena Torres was deactivated.');
    await expect(await auditCount(loaded, 'user.deactivated', 'u-elena')).toBe(1);
    await expect((await loaded.backend.getUser('u-elena', loaded.observer)).version).toBe(2);
  },
};

/** The plan cannot be read: the first try and the kit's two retries (1 s, then 2 s apart) all fail. */
export const PlanLoadErrorAndRetry: Story = {
  tags: ['expected-failed-requests'],
  parameters: { offboard: { faults: { getOffboardingPlan: { kind: 'server-error', times: 3 } } } },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Actions for Carla Méndez' });
    await userEvent.click(trigger);
    const retry = await screen.findByRole('menuitem', { name: 'Try again' }, { timeout: 10_000 });
    // The failure offers only the retry, with the failure in words: no action on a plan nobody has read.
    await expect(within(screen.getByRole('menu')).getAllByRole('menuitem')).toEqual([retry]);
    await expect(retry).toHaveAccessibleDescription('The server failed to answer.');
    await userEvent.click(retry);

    // The retry keeps the menu open, and the plan's items arrive in it.
    const menu = screen.getByRole('menu');
    await expect(await within(menu).findByRole('menuitem', { name: 'Deactivate user' })).not.toHaveAttribute('aria-disabled');
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  parameters: { subject: 'u-diego' },
  play: async ({ canvasElement }) => {
    const menu = await openActionsMenu(canvasElement, 'Acciones para Diego Rojas');
    await expect(within(menu).getByRole('menuitem', { name: 'Gestionar licencia' })).toBeInTheDocument();
    await expect(within(menu).getByRole('menuitem', { name: 'Reasignar contactos' })).not.toHaveAttribute('aria-disabled');
    // R4 in Spanish, translated by its code.
    await expectBlocked(within(menu).getByRole('menuitem', { name: 'Desactivar usuario' }), R4_MESSAGE_ES);
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Actions for Carla Méndez' });
    await expect(themeOf(trigger)).toBe('dark');
    // The menu portals into the provider's layer, which must carry the theme too.
    const menu = await openActionsMenu(canvasElement, 'Actions for Carla Méndez');
    await expect(themeOf(menu)).toBe('dark');
  },
};
