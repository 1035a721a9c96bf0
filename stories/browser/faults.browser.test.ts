import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FaultPreset } from '../support/faultPresets';
import { FAULT_LABELS } from '../support/faultPresets';
import { activate, arrowTo, tabTo } from './keyboard';
import { auditCount } from './storyBackend';
import { storybookInChromium } from './session';
import { newPage, openStory, storyUrl } from './storyPage';

/**
 * The departure's changes with each fault the mocks inject on every first attempt (network error
 * before the backend, answer lost after it, 500, timeout): the UI shows the failure in words,
 * never stays pending, keeps the choices, and its retry applies each change exactly once.
 */
const FAULTS: FaultPreset[] = ['network-error', 'answer-lost', 'server-error', 'timeout'];

const session = storybookInChromium();

/** The first attempt fails: the UI must say so in words and offer a retry, which then finishes the change. */
async function retryUntilDone(page: Page, scope: Locator, done: () => Promise<boolean>, what: string): Promise<void> {
  const retry = scope.getByRole('button', { name: 'Try again' });
  const deadline = Date.now() + 20_000;
  let retried = false;
  while (Date.now() < deadline) {
    if (await done()) {
      expect(retried, `${what}: the injected fault was never shown`).toBe(true);
      return;
    }
    if (!retried && (await retry.isVisible())) {
      expect(await scope.getByRole('alert').innerText()).toMatch(/server/i);
      await activate(page, retry);
      retried = true;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the change neither finished nor offered a retry');
}

describe('fault journeys in Chromium', () => {
  for (const fault of FAULTS) {
    it(`R11: ${FAULT_LABELS[fault]}: the retry applies the reassignment and the deactivation exactly once`, async () => {
      const page = await newPage(session.browser);
      await page.addInitScript(() => Object.assign(globalThis, { OFFBOARD_NO_LATENCY: true }));
      await openStory(page, storyUrl(session.url, 'scenarios-employee-departure--default', { args: { fault } }));
      await page.locator('tbody tr[data-user-id="u-carla"]').waitFor();

      await activate(page, page.getByRole('button', { name: 'Actions for Carla Méndez' }));
      await arrowTo(page, page.getByRole('menuitem', { name: 'Reassign contacts', exact: true }));
      await page.keyboard.press('Enter');
      const wizard = page.getByRole('dialog', { name: 'Reassign contacts' });
      await activate(page, wizard.getByRole('button', { name: 'Select all 25 contacts' }));
      await activate(page, wizard.getByRole('button', { name: 'Next' }));
      // A radio group takes one Tab stop; the arrows move within it and choose.
      await tabTo(page, wizard.locator('[data-part="target"] input').first());
      await arrowTo(page, wizard.getByRole('radio', { name: /Óscar Paredes/ }));
      expect(await wizard.getByRole('radio', { name: /Óscar Paredes/ }).isChecked()).toBe(true);
      await activate(page, wizard.getByRole('button', { name: 'Next' }));
      await activate(page, wizard.getByRole('button', { name: 'Reassign contacts' }));
      await retryUntilDone(page, wizard, () => wizard.locator('[data-part="result-step"]').isVisible(), 'reassignment');
      await page.keyboard.press('Escape');

      await activate(page, page.getByRole('button', { name: 'Actions for Carla Méndez' }));
      await arrowTo(page, page.getByRole('menuitem', { name: 'Deactivate user', exact: true }));
      await page.keyboard.press('Enter');
      const confirmation = page.getByRole('alertdialog');
      await activate(page, confirmation.getByRole('button', { name: 'Deactivate user' }));
      await retryUntilDone(page, confirmation, async () => (await page.locator('tbody tr[data-user-id="u-carla"]').count()) === 0, 'deactivation');

      expect(await auditCount(page, 'contacts.reassigned', 'u-carla')).toBe(1);
      expect(await auditCount(page, 'user.deactivated', 'u-carla')).toBe(1);
      await page.context().close();
    }, 90_000);
  }
});
