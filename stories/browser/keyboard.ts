import type { Locator, Page } from 'playwright-core';

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement).catch(() => false);

/**
 * Moves focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user would; fails if
 * `target` is not reachable within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 120, backwards = false } = {}): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Presses `key` (an arrow, typically) until `target` has focus: menus and radio groups. */
export async function arrowTo(page: Page, target: Locator, key: 'ArrowDown' | 'ArrowUp' | 'ArrowRight' = 'ArrowDown', max = 20): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** Tabs to `target` and presses Enter (or Space, for checkboxes). */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

export async function expectFocused(target: Locator): Promise<void> {
  if (!(await isFocused(target))) {
    const active = await target.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
    throw new Error(`expected focus on ${target.toString()}, found ${active}`);
  }
}
