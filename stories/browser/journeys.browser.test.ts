import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { activate, arrowTo, expectFocused, tabTo } from './keyboard';
import { auditCount } from './storyBackend';
import { storybookInChromium } from './session';
import { newPage, openStory, storyUrl, watchProblems, type PageProblems } from './storyPage';

/**
 * Keyboard-only journeys through the scenario stories in Chromium: nothing is clicked, every
 * step asserts what the UI shows, and a screenshot of each key screen lands in
 * artifacts/screenshots/journeys.
 */
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/journeys/', import.meta.url));
const R4_MESSAGE = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

const session = storybookInChromium();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function scenario(id: string, args: Record<string, string> = {}): Promise<{ page: Page; problems: PageProblems }> {
  const page = await newPage(session.browser);
  await page.addInitScript(() => Object.assign(globalThis, { OFFBOARD_NO_LATENCY: true }));
  const problems = watchProblems(page);
  await openStory(page, storyUrl(session.url, `scenarios-${id}--default`, { args }));
  return { page, problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
const row = (page: Page, userId: string) => page.locator(`tbody tr[data-user-id="${userId}"]`);
const menuTrigger = (page: Page, name: string) => page.getByRole('button', { name: `Actions for ${name}` });
const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));

/** Opens a row's action menu and chooses an item, by keyboard. */
async function chooseFromMenu(page: Page, userName: string, item: string): Promise<void> {
  await activate(page, menuTrigger(page, userName));
  const menuItem = page.getByRole('menuitem', { name: item, exact: true });
  await arrowTo(page, menuItem);
  await page.keyboard.press('Enter');
}

/** In the open confirmation, tabs from Cancel (where it starts) to the confirm button and presses it. */
async function confirm(page: Page, label: string | RegExp): Promise<void> {
  const confirmation = page.getByRole('alertdialog').or(page.getByRole('dialog')).last();
  await activate(page, confirmation.getByRole('button', { name: label }));
}

/** The checklist step, with its status. */
const step = (page: Page, id: string) => page.locator(`[data-part="checklist-step"][data-step="${id}"]`);

/**
 * R5: picks who receives a step's hand-over by keyboard: tab to the select, then arrow keys (a
 * focused select changes its value without opening). It starts on "Choose a salesperson".
 */
async function chooseReceiver(page: Page, stepId: string, userId: string): Promise<void> {
  const receiver = step(page, stepId).getByRole('combobox');
  await expect.poll(() => receiver.locator('option').count()).toBeGreaterThan(1);
  expect(await receiver.inputValue()).toBe('');
  await tabTo(page, receiver);
  for (let i = 0; i < 20 && (await receiver.inputValue()) !== userId; i++) await page.keyboard.press('ArrowDown');
  expect(await receiver.inputValue()).toBe(userId);
}

describe('keyboard journeys in Chromium', () => {
  it('employee departure: split contacts, take the tasks, hit R4, deactivate numbers, license and user, find him under Inactive, reactivate', async () => {
    const { page, problems } = await scenario('employee-departure');
    await row(page, 'u-diego').waitFor();
    await shot(page, 'departure-1-users');

    // R5: reassign Diego's 40 contacts, split between Carla and Óscar.
    await chooseFromMenu(page, 'Diego Rojas', 'Reassign contacts');
    const wizard = dialog(page, 'Reassign contacts');
    // The wizard opens on its first step: the heading is there and says so.
    const firstStep = wizard.getByRole('heading', { name: 'Step 1 of 4: Choose contacts' });
    await firstStep.waitFor({ state: 'visible' });
    expect(await firstStep.innerText()).toBe('Step 1 of 4: Choose contacts');
    await activate(page, wizard.getByRole('button', { name: 'Select all 40 contacts' }));
    await wizard.getByText('40 of 40 selected').waitFor();
    await activate(page, wizard.getByRole('button', { name: 'Next' }));
    await tabTo(page, wizard.getByRole('radio', { name: 'To one salesperson' }));
    await page.keyboard.press('ArrowDown');
    expect(await wizard.getByRole('radio', { name: 'Split evenly among several' }).isChecked()).toBe(true);
    await activate(page, wizard.getByRole('checkbox', { name: /Carla Méndez/ }), 'Space');
    await activate(page, wizard.getByRole('checkbox', { name: /Óscar Paredes/ }), 'Space');
    await wizard.getByText('receives 20 contacts').first().waitFor();
    await shot(page, 'departure-2-wizard-split');
    await activate(page, wizard.getByRole('button', { name: 'Next' }));
    await wizard.getByText('Move 40 contacts from Diego Rojas to:').waitFor();
    await activate(page, wizard.getByRole('button', { name: 'Reassign contacts' }));
    await wizard.locator('[data-part="result-step"]').waitFor();
    expect(await wizard.locator('[data-part="result-step"]').innerText()).toMatch(/40 contacts were reassigned/);
    await shot(page, 'departure-3-wizard-result');
    await page.keyboard.press('Escape');
    await wizard.waitFor({ state: 'hidden' });
    await expectFocused(menuTrigger(page, 'Diego Rojas'));

    // R8: the checklist, step by step.
    await chooseFromMenu(page, 'Diego Rojas', 'Start offboarding');
    const checklist = dialog(page, 'Offboarding checklist');
    await step(page, 'reassign-contacts').and(page.locator('[data-state="done"]')).waitFor();
    // Step 2: the admin takes Diego's open tasks herself; nobody is chosen for her (R5).
    await chooseReceiver(page, 'transfer-tasks', 'u-ana');
    await activate(page, step(page, 'transfer-tasks').getByRole('button', { name: 'Transfer 6 open tasks' }));
    await step(page, 'transfer-tasks').and(page.locator('[data-state="done"]')).waitFor();
    // R4: step 3 says the article's exact message with the numbers; the license and the user wait for it.
    expect(await step(page, 'check-phone-numbers').innerText()).toContain(R4_MESSAGE);
    expect(await step(page, 'check-phone-numbers').innerText()).toMatch(/\+57 601 234 5678[\s\S]*\+57 604 567 8901/);
    expect(await step(page, 'deactivate-license').getAttribute('data-state')).toBe('blocked');
    expect(await step(page, 'deactivate-license').innerText()).toContain('Do step 3 first: Check phone numbers (last license in the country).');
    await shot(page, 'departure-4-checklist-r4');
    // Step 3: deactivate Colombia's two numbers.
    await activate(page, step(page, 'check-phone-numbers').getByRole('button', { name: 'Deactivate 2 numbers' }));
    await confirm(page, 'Deactivate 2 numbers');
    await step(page, 'check-phone-numbers').and(page.locator('[data-state="done"]')).waitFor();
    expect(await step(page, 'deactivate-license').getAttribute('data-state')).toBe('pending');
    // Steps 4 and 5.
    await activate(page, step(page, 'deactivate-license').getByRole('button', { name: 'Deactivate license' }));
    await confirm(page, 'Deactivate license');
    await step(page, 'deactivate-license').and(page.locator('[data-state="done"]')).waitFor();
    await activate(page, step(page, 'deactivate-user').getByRole('button', { name: 'Deactivate user' }));
    await page.getByRole('alertdialog').getByText('Diego Rojas can no longer sign in. Calls, emails and other history are kept.').waitFor();
    await shot(page, 'departure-5-confirm-deactivate-user');
    await confirm(page, 'Deactivate user');
    await checklist.getByText('Every step is done.').waitFor();
    await shot(page, 'departure-6-checklist-done');
    await page.keyboard.press('Escape');
    await checklist.waitFor({ state: 'hidden' });

    // R3: gone from the active list, there under Inactive; R7: activate him again.
    await row(page, 'u-diego').waitFor({ state: 'detached' });
    await activate(page, page.getByRole('button', { name: 'Inactive', exact: true }));
    await row(page, 'u-diego').waitFor();
    expect(await row(page, 'u-diego').getAttribute('data-state')).toBe('inactive');
    await shot(page, 'departure-7-inactive');
    await chooseFromMenu(page, 'Diego Rojas', 'Activate user');
    await confirm(page, 'Activate user');
    await row(page, 'u-diego').waitFor({ state: 'detached' });
    await activate(page, page.getByRole('button', { name: 'Active', exact: true }));
    await row(page, 'u-diego').waitFor();

    expect(await auditCount(page, 'contacts.reassigned', 'u-diego')).toBe(1);
    expect(await auditCount(page, 'tasks.transferred', 'u-diego')).toBe(1);
    expect(await auditCount(page, 'phoneNumber.deactivated')).toBe(2);
    expect(await auditCount(page, 'user.deactivated', 'u-diego')).toBe(1);
    expect(await auditCount(page, 'user.reactivated', 'u-diego')).toBe(1);
    expect({ ...problems }).toEqual({ consoleErrors: [], failedRequests: [], pageErrors: [] });
    await page.context().close();
  });

  it('role change: Elena hands over contacts and tasks and loses her license, but stays active with reports', async () => {
    const { page, problems } = await scenario('role-change');
    await chooseFromMenu(page, 'Elena Torres', 'Start offboarding');
    await dialog(page, 'Offboarding checklist').waitFor();
    await chooseReceiver(page, 'reassign-contacts', 'u-oscar');
    await activate(page, step(page, 'reassign-contacts').getByRole('button', { name: 'Reassign 20 contacts' }));
    await step(page, 'reassign-contacts').and(page.locator('[data-state="done"]')).waitFor();
    await chooseReceiver(page, 'transfer-tasks', 'u-oscar');
    await activate(page, step(page, 'transfer-tasks').getByRole('button', { name: 'Transfer 2 open tasks' }));
    await step(page, 'transfer-tasks').and(page.locator('[data-state="done"]')).waitFor();
    await activate(page, step(page, 'deactivate-license').getByRole('button', { name: 'Deactivate license' }));
    await confirm(page, 'Deactivate license');
    await step(page, 'deactivate-license').and(page.locator('[data-state="done"]')).waitFor();
    await shot(page, 'role-change-1-checklist');
    await page.keyboard.press('Escape');
    // Still in the active list, now without an active license.
    expect(await row(page, 'u-elena').locator('[data-part="license-badge"]').getAttribute('data-state')).toBe('inactive');
    await shot(page, 'role-change-2-users');
    expect(await auditCount(page, 'user.deactivated', 'u-elena')).toBe(0);
    expect(await auditCount(page, 'license.deactivated', 'u-elena')).toBe(1);
    expect({ ...problems }).toEqual({ consoleErrors: [], failedRequests: [], pageErrors: [] });
    await page.context().close();
  });

  it('team downsizing: three licenses freed at once after one combined preview', async () => {
    const { page, problems } = await scenario('team-downsizing');
    for (const name of ['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas']) await activate(page, page.getByRole('checkbox', { name: `Select ${name}` }), 'Space');
    await activate(page, page.getByRole('button', { name: 'Deactivate 3 licenses' }));
    const preview = dialog(page, 'Deactivate licenses');
    await preview.getByText('3 of 3 licenses can be deactivated.').waitFor();
    await shot(page, 'downsizing-1-preview');
    await activate(page, preview.getByRole('button', { name: 'Deactivate 3 licenses' }));
    await preview.locator('[data-part="downsizing-result"][data-state="done"]').waitFor();
    expect(await preview.locator('[data-part="downsizing-outcome"]').allInnerTexts()).toEqual(['Deactivated', 'Deactivated', 'Deactivated']);
    await page.getByRole('status').getByText('3 licenses were deactivated.').waitFor({ state: 'attached' });
    await shot(page, 'downsizing-2-done');
    await page.keyboard.press('Escape');
    for (const id of ['u-fernando', 'u-gabriela', 'u-hugo']) {
      expect(await row(page, id).locator('[data-part="license-badge"]').getAttribute('data-state')).toBe('inactive');
    }
    expect(await auditCount(page, 'license.deactivated')).toBe(4);
    expect({ ...problems }).toEqual({ consoleErrors: [], failedRequests: [], pageErrors: [] });
    await page.context().close();
  });
});
