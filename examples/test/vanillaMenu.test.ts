// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import type { Caller, MutationContext, OffboardAdapter, User } from '@offboard/core';
import { DEMO_ACTOR_ID, DEMO_NOW, DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { createTranslator, es, resolveCatalog } from '@offboard/core/i18n';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { withFaults } from '@offboard/core/testing';
import { screen, waitFor, within } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountUserActionsMenu, type MountedMenu } from '../vanilla/userActionsMenu';

/**
 * The second binding, in jsdom: the plain-DOM `UserActionsMenu` over the in-memory backend, driven
 * as a person would (Testing Library + user-event). It uses the core and its `connect` only.
 */
const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";
const observer: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'svc-test', kind: 'service' };
const mounted: MountedMenu[] = [];
afterEach(() => {
  for (const menu of mounted.splice(0)) menu.destroy();
});

function setup(userId: string, { actorId = DEMO_ACTOR_ID, locale = 'en' } = {}) {
  const data = demoOrganisation();
  const backend = createInMemoryBackend({ data, clock: () => new Date(DEMO_NOW) });
  const adapter = withFaults(backend);
  // Every key a change was sent with, to prove a retry reuses its intent's key (R11).
  const keys: (string | undefined)[] = [];
  const deactivateUser = adapter.deactivateUser.bind(adapter) as (userId: string, context: MutationContext) => ReturnType<OffboardAdapter['deactivateUser']>;
  const recording: OffboardAdapter = Object.assign(Object.create(adapter) as OffboardAdapter, {
    deactivateUser: (id: string, context: MutationContext) => {
      keys.push(context.idempotencyKey);
      return deactivateUser(id, context);
    },
  });
  const user = data.users.find((each) => each.id === userId) as User;
  const onManageLicense = vi.fn();
  const root = document.body.appendChild(document.createElement('div'));
  const translator = createTranslator(locale, resolveCatalog(locale === 'es' ? es : {}));
  mounted.push(mountUserActionsMenu(root, { adapter: recording, caller: { organisationId: data.organisationId, actorId, kind: 'user' }, user, translator, onManageLicense }));
  const auditCount = async (action: 'user.deactivated', targetId: string) => (await backend.listAuditLog({ action, targetId, limit: 500 }, observer)).total;
  return { backend, adapter, keys, onManageLicense, auditCount, people: userEvent.setup() };
}

/** Opens the menu by keyboard and waits for the plan's items. */
async function openByKeyboard(people: ReturnType<typeof userEvent.setup>, name: string) {
  const trigger = screen.getByRole('button', { name: `Actions for ${name}` });
  trigger.focus();
  await people.keyboard('{Enter}');
  const menu = screen.getByRole('menu');
  await within(menu).findByRole('menuitem', { name: 'Manage license' });
  return { trigger, menu };
}

describe('the vanilla UserActionsMenu (plain DOM over @offboard/core)', () => {
  it('is a WAI-ARIA menu button: aria-haspopup and aria-expanded, arrow keys that wrap, Home/End, Escape back to the button', async () => {
    const { people } = setup('u-elena');
    const trigger = screen.getByRole('button', { name: 'Actions for Elena Torres' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    const { menu } = await openByKeyboard(people, 'Elena Torres');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(menu).toHaveAccessibleName('Actions for Elena Torres');
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Manage license' })).toHaveFocus());
    await people.keyboard('{ArrowUp}');
    expect(within(menu).getByRole('menuitem', { name: 'Deactivate user' })).toHaveFocus();
    await people.keyboard('{ArrowDown}');
    expect(within(menu).getByRole('menuitem', { name: 'Manage license' })).toHaveFocus();
    await people.keyboard('{End}');
    expect(within(menu).getByRole('menuitem', { name: 'Deactivate user' })).toHaveFocus();
    await people.keyboard('{Home}');
    expect(within(menu).getByRole('menuitem', { name: 'Manage license' })).toHaveFocus();

    await people.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveFocus();
  });

  it('R3: deactivates a user end to end by keyboard: a modal alertdialog starting on Cancel lists the effects, then the change is announced and focus returns', async () => {
    const { backend, people, auditCount } = setup('u-elena');
    const { trigger } = await openByKeyboard(people, 'Elena Torres');
    await people.keyboard('{End}{Enter}');

    const dialog = screen.getByRole('alertdialog', { name: 'Deactivate Elena Torres?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Their license goes too, if they have one, and its seat is freed. The user is kept with all their history; nothing is deleted.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(within(within(dialog).getByRole('region', { name: 'What happens' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '20 contacts stay with Elena Torres and become orphaned.',
      '2 open tasks become transferable to other salespeople.',
      'Leaves 1 Sales Brain: Renewals.',
      '1 paid seat is freed.',
      'Elena Torres can no longer sign in. Calls, emails and other history are kept.',
      '1 open session ends now.',
    ]);
    // Focus stays in the modal dialog.
    await people.tab();
    expect(within(dialog).getByRole('button', { name: 'Deactivate user' })).toHaveFocus();
    await people.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await people.tab();
    await people.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Elena Torres was deactivated.'));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect((await backend.getUser('u-elena', observer)).status).toBe('inactive');
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(1);

    // The menu follows the new truth: an inactive user is offered activation.
    await openByKeyboard(people, 'Elena Torres');
    expect(await screen.findByRole('menuitem', { name: 'Activate user' })).toBeInTheDocument();
  });

  it('R4: a blocked item stays focusable, with aria-disabled and the reason as visible text it is described by; choosing it does nothing', async () => {
    const { people } = setup('u-diego');
    const { menu } = await openByKeyboard(people, 'Diego Rojas');
    const item = within(menu).getByRole('menuitem', { name: 'Deactivate user' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAttribute('data-state', 'blocked');
    expect(item).toHaveAccessibleDescription(R4);
    expect(within(item).getByText(R4)).toBeVisible();
    await people.keyboard('{End}');
    expect(item).toHaveFocus();
    await people.keyboard('{Enter}');
    await people.click(item);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('menu')).toBeInTheDocument();
  });

  it('R11: a lost answer shows the failure in words; the retry resends the same key and the change is applied once', async () => {
    const { adapter, keys, people, auditCount } = setup('u-elena');
    await openByKeyboard(people, 'Elena Torres');
    await people.keyboard('{End}{Enter}');
    const dialog = screen.getByRole('alertdialog');
    adapter.failNext('deactivateUser', { when: 'after' });
    await people.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));

    const alert = await within(screen.getByRole('alertdialog')).findByRole('alert');
    expect(alert).toHaveTextContent('The server could not be reached.');
    // The confirmation keeps its effects; the backend did apply the change, once.
    expect(screen.getByRole('alertdialog')).toHaveTextContent('20 contacts stay with Elena Torres and become orphaned.');
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(1);
    await people.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Elena Torres was deactivated.'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await auditCount('user.deactivated', 'u-elena')).toBe(1);
  });

  it('R9: a member sees every item blocked with the reason, and no plan is read for them', async () => {
    const { adapter, people } = setup('u-elena', { actorId: 'u-carla' });
    const { menu } = await openByKeyboard(people, 'Elena Torres');
    expect(menu).toHaveAttribute('data-state', 'refused');
    for (const item of within(menu).getAllByRole('menuitem')) {
      expect(item).toHaveAttribute('aria-disabled', 'true');
      expect(item).toHaveAccessibleDescription('Only an active admin can do this.');
    }
    expect(adapter.calls.getOffboardingPlan).toBeUndefined();
  });

  it('hands the host its own items, and speaks the catalog it is given', async () => {
    const { people, onManageLicense } = setup('u-diego', { locale: 'es' });
    const trigger = screen.getByRole('button', { name: 'Acciones para Diego Rojas' });
    await people.click(trigger);
    await people.click(await screen.findByRole('menuitem', { name: 'Gestionar licencia' }));
    expect(onManageLicense).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-diego' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });
});
