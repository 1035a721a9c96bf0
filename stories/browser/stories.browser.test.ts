import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, BASELINES, FREEZE, VIEWPORTS, compareWithBaseline, overflow, settle, shoot } from './pictures';
import { storybookInChromium } from './session';
import { axeViolations, openStory, setGlobals, showStory, storyIndex, storyUrl, watchProblems, type PageProblems, type StoryEntry } from './storyPage';

/**
 * Every story of the static build in real Chromium, in one pass:
 * - it renders and its play function passes, with no console error, no page error, no failed
 *   request, and zero axe violations on the canvas (light, desktop, every rule);
 * - visual regression: it matches its committed baseline in `__screenshots__/` at desktop
 *   (1280×800) and mobile (390×844), light and dark, and the scenarios in Spanish too; no screen
 *   scrolls sideways; axe's colour contrast holds in dark on the stories that between them show
 *   every colour pair.
 * `npm run test:visual:update` (VISUAL_UPDATE=1) rewrites the baselines after an intended change;
 * a failed comparison writes the expected, actual and diff images to `artifacts/visual/`.
 *
 * Fast and deterministic by construction: one page for every story (the preview loads once; each
 * story is switched to through Storybook's channel, which runs its loaders and play function
 * again), no latency in the story backend (the journeys and fault suites keep it), a fixed clock,
 * no animation or caret. Theme, locale and viewport change after the play function has run, so
 * every picture of a story shows the same state.
 */
const UPDATE = process.env.VISUAL_UPDATE === '1';
/** `STORIES=<regex>` narrows the run to matching story ids, while working on a few (an update then leaves the other baselines alone). */
const ONLY = process.env.STORIES ? new RegExp(process.env.STORIES) : null;
/** The clock every story sees: dates in the audit lines and schedules never change. */
const FIXED_NOW = new Date('2026-03-02T10:00:00Z');
/** Not pictured: thousands of rows, measured by the benchmarks instead. Their play functions and axe still run here. */
const NOT_PICTURED = /^performance-/;
/**
 * Axe's dark contrast runs on the design system pages (every token, button and badge), the
 * scenarios (every screen) and each component's dark-theme story (its own parts, the audit
 * viewers' included).
 */
const DARK_CONTRAST = /^(design-system-|scenarios-)|--dark-theme$/;

const session = storybookInChromium();
let stories: StoryEntry[];
let page: Page;
let problems: PageProblems;
beforeAll(async () => {
  stories = (await storyIndex(session.url)).filter((story) => !ONLY || ONLY.test(story.id));
  const context = await session.browser.newContext({ viewport: VIEWPORTS.desktop, colorScheme: 'light', reducedMotion: 'reduce', deviceScaleFactor: 1 });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.clock.setFixedTime(FIXED_NOW);
  await page.addInitScript(() => Object.assign(globalThis, { OFFBOARD_NO_LATENCY: true }));
  problems = watchProblems(page);
  mkdirSync(BASELINES, { recursive: true });
  rmSync(ARTIFACTS, { recursive: true, force: true });
  await openStory(page, storyUrl(session.url, stories[0]!.id));
  await page.addStyleTag({ content: FREEZE });
});

/** What went wrong while a story was shown; faults injected on purpose break requests, which the browser logs. */
function problemsOf(story: StoryEntry, errored: boolean): string[] {
  const faultsExpected = story.tags?.includes('expected-failed-requests') ?? false;
  return [
    ...(errored ? ['Storybook showed an error (render or play function)'] : []),
    ...problems.consoleErrors.filter((text) => !(faultsExpected && text.startsWith('Failed to load resource'))).map((text) => `console error: ${text}`),
    ...problems.pageErrors.map((text) => `page error: ${text}`),
    ...(faultsExpected ? [] : problems.failedRequests.map((text) => `failed request: ${text}`)),
  ];
}

/** Every picture of the story on screen: each locale and theme, at both sizes; returns the failures and the names written. */
async function pictures(story: StoryEntry): Promise<{ failures: string[]; names: string[] }> {
  const failures: string[] = [];
  const names: string[] = [];
  const locales = story.id.startsWith('scenarios-') ? (['en', 'es'] as const) : (['en'] as const);
  for (const locale of locales) {
    for (const theme of ['light', 'dark'] as const) {
      const label = `${story.id}.${locale === 'en' ? '' : `${locale}.`}${theme}`;
      await setGlobals(page, { theme, locale });
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await settle(page);
        const name = `${label}.${size}`;
        const spill = await overflow(page);
        if (spill) failures.push(`${name}: ${spill}`);
        names.push(name);
        const failure = compareWithBaseline(name, await shoot(page), UPDATE);
        if (failure) failures.push(failure);
      }
      // Dark contrast at mobile size (light is checked on every story above; axe takes ~2 s a page).
      if (theme === 'dark' && locale === 'en' && DARK_CONTRAST.test(story.id)) {
        failures.push(...(await axeViolations(page, ['color-contrast'])).map((violation) => `${label}.mobile: axe ${violation}`));
      }
      await page.setViewportSize(VIEWPORTS.desktop);
    }
  }
  return { failures, names };
}

describe('every story in Chromium', () => {
  it('finds the stories of the build', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it('renders each with no console error, no failed request and no axe violation, and matches its pictures', async () => {
    const failures: string[] = [];
    const written = new Set<string>();
    let pictured = 0;
    for (const story of stories) {
      const found: string[] = [];
      try {
        await page.setViewportSize(VIEWPORTS.desktop);
        await setGlobals(page, { theme: 'light', locale: 'en' });
        for (const list of Object.values(problems)) list.length = 0;
        const { errored } = await showStory(page, story.id);
        found.push(...problemsOf(story, errored), ...(await axeViolations(page)).map((text) => `axe: ${text}`));
        if (!NOT_PICTURED.test(story.id)) {
          pictured += 1;
          const shots = await pictures(story);
          found.push(...shots.failures);
          for (const name of shots.names) written.add(`${name}.png`);
        }
      } catch (error) {
        found.push(String(error));
      }
      if (found.length) failures.push(`${story.id}\n  ${found.join('\n  ')}`);
    }
    if (UPDATE && !ONLY) {
      // Baselines of stories that no longer exist go too.
      for (const file of readdirSync(BASELINES)) if (!written.has(file)) rmSync(`${BASELINES}${file}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(written.size).toBeGreaterThanOrEqual(pictured * 4);
  }, 1_500_000);
});
