import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { arrowTo, expectFocused, tabTo } from './keyboard';
import { newPage, watchProblems, type PageProblems } from './storyPage';

/**
 * The second binding in real Chromium: `examples/vanilla`, the plain-DOM `UserActionsMenu` built by
 * Vite into a page with no React on it, driven by keyboard over the in-memory backend, with axe on
 * the open menu and on the confirmation.
 */
const PAGE_SOURCE = fileURLToPath(new URL('../../examples/vanilla/', import.meta.url));
const R4_MESSAGE = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";

let outDir: string;
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'offboard-vanilla-'));
  await build({ configFile: join(PAGE_SOURCE, 'vite.config.ts'), root: PAGE_SOURCE, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  server = await preview({ configFile: false, root: outDir, build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the vanilla page server has no port');
  url = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
  const page = await newPage(browser);
  const problems = watchProblems(page);
  await page.goto(url);
  return { page, problems };
}

/** Violations axe finds on the page, in words. */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(' | ')})`);
}

function auditCount(page: Page, action: string, targetId: string): Promise<number> {
  return page.evaluate(
    async ({ action, targetId }) => {
      type Vanilla = { backend: { listAuditLog(query: object, context: object): Promise<{ total: number }> }; observer: object };
      const vanilla = (window as unknown as { __vanilla: Vanilla }).__vanilla;
      return (await vanilla.backend.listAuditLog({ action, targetId, limit: 500 }, vanilla.observer)).total;
    },
    { action, targetId },
  );
}

const trigger = (page: Page, name: string) => page.getByRole('button', { name: `Actions for ${name}` });

/** Tabs to a user's menu button, opens the menu with Enter and waits for the plan's items. */
async function openMenu(page: Page, name: string) {
  await tabTo(page, trigger(page, name));
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name: 'Manage license' }).waitFor();
  return menu;
}

describe('the vanilla UserActionsMenu in Chromium (no React on the page)', () => {
  it('R3: deactivates a user by keyboard alone, with no axe violation in the menu or the confirmation', async () => {
    const { page, problems } = await openPage();
    expect(await page.evaluate(() => 'React' in window || document.querySelector('[data-reactroot]') !== null)).toBe(false);
    const menu = await openMenu(page, 'Elena Torres');
    expect(await trigger(page, 'Elena Torres').getAttribute('aria-expanded')).toBe('true');
    await expectFocused(menu.getByRole('menuitem', { name: 'Manage license' }));
    expect(await axe(page)).toEqual([]);

    await arrowTo(page, menu.getByRole('menuitem', { name: 'Deactivate user' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Deactivate Elena Torres?' });
    await dialog.waitFor({ state: 'visible' });
    await expectFocused(dialog.getByRole('button', { name: 'Cancel' }));
    // The plan's effects (R2, R3), each line the core's, in its order.
    const effects = dialog.locator('[data-part="effect"]');
    expect(await effects.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-effect')))).toEqual(['contactsOrphaned', 'tasksMadeTransferable', 'salesBrainsLeft', 'seatsFreed', 'signInRevoked', 'sessionsEnded']);
    expect(await effects.first().innerText()).toBe('20 contacts stay with Elena Torres and become orphaned.');
    expect(await axe(page)).toEqual([]);

    await page.keyboard.press('Tab');
    await expectFocused(dialog.getByRole('button', { name: 'Deactivate user' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Elena Torres was deactivated.').waitFor({ state: 'attached' });
    await expectFocused(trigger(page, 'Elena Torres'));
    expect(await auditCount(page, 'user.deactivated', 'u-elena')).toBe(1);
    expect([...problems.consoleErrors, ...problems.pageErrors, ...problems.failedRequests]).toEqual([]);
    await page.context().close();
  });

  it('R4: a blocked item is reached by arrow keys, says why beside it, and does nothing', async () => {
    const { page } = await openPage();
    const menu = await openMenu(page, 'Diego Rojas');
    const item = menu.getByRole('menuitem', { name: 'Deactivate user' });
    await arrowTo(page, item);
    expect(await item.getAttribute('aria-disabled')).toBe('true');
    const reasonId = await item.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reasonId}"]`).innerText()).toBe(R4_MESSAGE);
    expect(await item.getByText(R4_MESSAGE).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await menu.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.isVisible()).toBe(false);
    await expectFocused(trigger(page, 'Diego Rojas'));
    await page.context().close();
  });

  it('R11: a lost answer is said in words; the retry replays the same key and the change is applied once', async () => {
    const { page } = await openPage();
    const menu = await openMenu(page, 'Elena Torres');
    await arrowTo(page, menu.getByRole('menuitem', { name: 'Deactivate user' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Deactivate Elena Torres?' });
    await page.evaluate(() => (window as unknown as { __vanilla: { loseNextAnswer(method: string): void } }).__vanilla.loseNextAnswer('deactivateUser'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').innerText()).toBe('The server could not be reached.');
    const retry = dialog.getByRole('button', { name: 'Try again' });
    await expectFocused(retry);
    expect(await auditCount(page, 'user.deactivated', 'u-elena')).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Elena Torres was deactivated.').waitFor({ state: 'attached' });
    expect(await auditCount(page, 'user.deactivated', 'u-elena')).toBe(1);
    await page.context().close();
  });
});
