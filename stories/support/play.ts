import type { AuditAction } from '@offboard/core';
import { configure, expect, screen, userEvent, waitFor, within } from 'storybook/test';
import type { OffboardLoaded } from './offboardLoader';

// In Storybook every answer takes 80–200 ms and one step of a play often waits on two or three
// answers in a row (a change, then the refreshed plan); Testing Library's 1 s default would make
// plays flaky on a slow machine. Under vitest there is no latency: only a failing wait takes longer.
configure({ asyncUtilTimeout: 5_000 });

/** What the story's loader gave it (see `offboardLoader.ts`). */
export const loadedOf = (context: { loaded: unknown }): OffboardLoaded => context.loaded as OffboardLoaded;

/** SPEC R4, word for word: the help article's message, in English and in the Spanish catalog. */
export const R4_MESSAGE = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";
export const R4_MESSAGE_ES = 'Debes desactivar los números de teléfono del país de esta licencia antes de quitar la última licencia del país.';

/** What the checklist's steps 4 and 5 say while step 3 holds R4's way out: they point to it. */
export const AFTER_STEP_3 = 'Do step 3 first: Check phone numbers (last license in the country).';

/** The transport failure a `network-error` fault produces, as the UI words it. */
export const NETWORK_ERROR_MESSAGE = 'The server could not be reached.';

/**
 * R10: how many audit entries a change left on its target. Read straight from the story's
 * in-memory backend, so "applied exactly once" is the backend's word, not the UI's.
 */
export async function auditCount(loaded: OffboardLoaded, action: AuditAction, targetId: string): Promise<number> {
  return (await loaded.backend.listAuditLog({ action, targetId, limit: 500 }, loaded.observer)).total;
}

/** A control a rule blocks: still there and focusable, inert, and explained by the rule's words. */
export async function expectBlocked(element: HTMLElement, reason: string): Promise<void> {
  await expect(element).toHaveAttribute('aria-disabled', 'true');
  await expect(element).toHaveAccessibleDescription(reason);
}

/** R5: the user picks who receives a checklist step's hand-over, once the salespeople are listed; nobody is picked for them. */
export async function chooseReceiver(step: HTMLElement, name: string, label = 'Receiving salesperson'): Promise<void> {
  await within(step).findByRole('option', { name });
  await userEvent.selectOptions(within(step).getByRole('combobox', { name: label }), name);
}

/** What the provider's polite live region said last. */
export async function expectAnnounced(text: string | RegExp): Promise<void> {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text));
}

/**
 * Opens a user's actions menu by its button ("Actions for Diego Rojas") and waits for the plan:
 * the items arrive with it. The menu portals into the provider's layer, hence `screen`.
 */
export async function openActionsMenu(canvasElement: HTMLElement, triggerName: string): Promise<HTMLElement> {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: triggerName }));
  const menu = await screen.findByRole('menu');
  // The plan's items replace the menu's inert "Loading…" item once the plan arrives.
  await waitFor(() => expect(menu.querySelector('[data-part="menu-item"]')).not.toBeNull());
  return menu;
}

/** The element carrying the theme the stylesheet reads (`.ob-root[data-theme]`) for a part of the kit. */
export const themeOf = (element: Element): string | null => element.closest('.ob-root')?.getAttribute('data-theme') ?? null;

/** How many contacts a user owns, read from the story's backend. */
export async function contactsOwnedBy(loaded: OffboardLoaded, userId: string): Promise<number> {
  return (await loaded.backend.listContacts({ ownerId: userId, limit: 1 }, loaded.observer)).total;
}

/**
 * A button once it can act. Some controls wait for other data before they can (the salesperson
 * a checklist step hands over to), inert until it arrives; a click before that does nothing.
 */
export async function findReadyButton(container: HTMLElement, name: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const button = within(container).getByRole('button', { name });
    expect(button).not.toHaveAttribute('aria-disabled');
    return button;
  });
}
