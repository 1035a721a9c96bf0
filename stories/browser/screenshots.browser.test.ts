import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { storybookInChromium } from './session';
import { newPage, openStory, storyUrl } from './storyPage';

/**
 * Each scenario's key screens, light and dark, English and Spanish, written to
 * artifacts/screenshots/scenarios for a reviewer to look at (git-ignored, made on every run).
 */
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/scenarios/', import.meta.url));
const SCENARIOS: [id: string, userId: string][] = [
  ['employee-departure', 'u-diego'],
  ['role-change', 'u-elena'],
  ['team-downsizing', 'u-fernando'],
  ['reactivation', 'u-karla'],
  ['last-license-in-country', 'u-ignacio'],
];

const session = storybookInChromium();
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

describe('screenshots of the scenarios', () => {
  it('writes each scenario’s users screen and open menu in light and dark, English and Spanish', async () => {
    let written = 0;
    for (const [id, userId] of SCENARIOS) {
      for (const theme of ['light', 'dark'] as const) {
        for (const locale of ['en', 'es'] as const) {
          const page = await newPage(session.browser, { colorScheme: theme });
          await page.addInitScript(() => Object.assign(globalThis, { OFFBOARD_NO_LATENCY: true }));
          const status = id === 'reactivation' ? 'inactive' : 'active';
          await openStory(page, storyUrl(session.url, `scenarios-${id}--default`, { args: { theme, locale } }));
          if (status === 'inactive') await page.locator('[data-part="status-option"]').nth(1).click();
          const row = page.locator(`tbody tr[data-user-id="${userId}"]`);
          await row.waitFor();
          const name = `${id}-${theme}-${locale}`;
          await page.screenshot({ path: `${SHOTS}${name}-users.png`, fullPage: true });
          await row.locator('[data-part="menu-trigger"]').click();
          await page.getByRole('menu').waitFor();
          await page.waitForTimeout(150);
          await page.screenshot({ path: `${SHOTS}${name}-menu.png`, fullPage: true });
          written += 2;
          await page.context().close();
        }
      }
    }
    expect(written).toBe(SCENARIOS.length * 8);
  });
});
