import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

/**
 * Visual regression's pieces: where baselines live, how a screen is made still, and how a shot is
 * compared with its baseline. The suite that walks every story uses them.
 */
export const BASELINES = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/visual/', import.meta.url));
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
/** Per-pixel colour distance pixelmatch ignores (anti-aliasing aside), and the share of pixels that may still differ. */
const THRESHOLD = 0.1;
const MAX_DIFF_RATIO = 0.001;

/**
 * No motion and no caret, always; while a shot is taken (`html[data-shooting]`), no live toast
 * either, whose six seconds on screen would race the play function (the design system's Badges
 * story pictures the toast, still). Axe runs with the toast shown.
 */
export const FREEZE = `*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
  html[data-shooting] [data-part='layer'] > .ob-toast { visibility: hidden !important; }`;

/** Waits until nothing is loading and two frames have painted. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#storybook-root [aria-busy="true"], #storybook-root .ob-skeleton'), null, { timeout: 1_500 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What spills past the viewport's width: the page scrolls sideways. */
export async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) return `page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`;
    return null;
  });
}

/**
 * The screen as it is, with the live toast out of the picture. A modal locks the page's scroll, so
 * its shot is the viewport, with the page behind it at its top: where the page happened to be
 * scrolled when the dialog opened from a low row is incidental, and varied from run to run.
 */
export async function shoot(page: Page): Promise<Buffer> {
  await page.evaluate(() => document.documentElement.setAttribute('data-shooting', ''));
  try {
    const modal = (await page.locator('.ob-overlay').count()) > 0;
    if (modal) await page.evaluate(() => window.scrollTo(0, 0));
    return await page.screenshot({ fullPage: !modal, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate(() => document.documentElement.removeAttribute('data-shooting'));
  }
}

/**
 * Compares with the baseline; returns a failure or null. With `update`, a shot that differs (or has
 * no baseline) becomes the baseline instead, and one that matches leaves its file alone, so an
 * update changes only the pictures that changed.
 */
export function compareWithBaseline(name: string, actual: Buffer, update: boolean): string | null {
  const baselinePath = `${BASELINES}${name}.png`;
  const fail = (reason: string, diff?: PNG) => {
    if (update) {
      writeFileSync(baselinePath, actual);
      return null;
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}${name}.actual.png`, actual);
    if (existsSync(baselinePath)) writeFileSync(`${ARTIFACTS}${name}.expected.png`, readFileSync(baselinePath));
    if (diff) writeFileSync(`${ARTIFACTS}${name}.diff.png`, PNG.sync.write(diff));
    return `${name}: ${reason}`;
  };
  if (!existsSync(baselinePath)) return fail('no baseline (run npm run test:visual:update)');
  const baseline = readFileSync(baselinePath);
  // Chromium encodes the same pixels to the same bytes: most shots need no decoding.
  if (baseline.equals(actual)) return null;
  const expected = PNG.sync.read(baseline);
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    return fail(`size ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}`);
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, { threshold: THRESHOLD });
  const ratio = differing / (got.width * got.height);
  return ratio > MAX_DIFF_RATIO ? fail(`${differing} pixels differ (${(ratio * 100).toFixed(2)}%)`, diff) : null;
}
