/**
 * The kit in real Chromium, on the static Storybook build with no artificial latency: time to
 * interactive, long tasks while scrolling, the wizard's whole 50,000-contact reassignment, and the
 * rows React re-renders for a change that does not concern them.
 */
import type { Browser, Page } from 'playwright-core';
import { summarise, ms, spread, type Row, type Sample } from '../../packages/core/bench/measure';
import { launchChromium } from '../browser/chromium';
import { serveStorybook } from '../browser/staticStorybook';
import { newPage, openStory, storyUrl } from '../browser/storyPage';
import { installRowCommitCounter } from './rowCommits';

const RUNS = 5;

async function benchPage(browser: Browser, storyId: string, baseUrl: string): Promise<Page> {
  const page = await newPage(browser);
  // Functions run in the page as their source; tsx's transpiler names functions with a helper
  // that only exists in Node, so the page gets a stand-in first.
  await page.addInitScript('globalThis.__name = (target) => target;');
  await page.addInitScript(installRowCommitCounter);
  await page.addInitScript(watchMount, ['[role="option"]', 'tbody [data-part="user-row"]']);
  await page.addInitScript(() => {
    (globalThis as { OFFBOARD_NO_LATENCY?: boolean }).OFFBOARD_NO_LATENCY = true;
    const longTasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = longTasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({ type: 'longtask' });
  });
  await openStory(page, storyUrl(baseUrl, storyId));
  return page;
}

/**
 * In the page from the start: notes when the story's mount button is clicked (by its play
 * function) and when each watched selector first appears after that.
 */
function watchMount(selectors: string[]): void {
  const seen: Record<string, number> = {};
  let clickedAt = -1;
  Object.assign(window, { __mount: { seen, clicked: () => clickedAt } });
  document.addEventListener('click', (event) => {
    if ((event.target as Element).closest?.('[data-bench="mount"]')) clickedAt = performance.now();
  }, true);
  new MutationObserver(() => {
    if (clickedAt < 0) return;
    for (const selector of selectors) if (seen[selector] === undefined && document.querySelector(selector)) seen[selector] = performance.now() - clickedAt;
  }).observe(document, { childList: true, subtree: true });
}

/** Ms from the click on the mount button to `selector` in the DOM. */
async function timeToInteractive(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((target) => (window as unknown as { __mount: { seen: Record<string, number> } }).__mount.seen[target] !== undefined, selector);
  return page.evaluate((target) => (window as unknown as { __mount: { seen: Record<string, number> } }).__mount.seen[target]!, selector);
}

/** Scrolls `selector` (or the page) in steps, one frame apart, and returns the long tasks it caused. */
async function longTasksWhileScrolling(page: Page, selector: string | null, steps: number, stepPx: number): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  await page.evaluate(
    async ({ target, count, px }) => {
      const element = target ? document.querySelector<HTMLElement>(target)! : document.scrollingElement!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0; i < count; i++) {
        element.scrollTop += px;
        await frame();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    { target: selector, count: steps, px: stepPx },
  );
  return page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);
}

async function timed(page: Page, action: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  await action();
  return Date.now() - start;
}

const rowsRendered = (page: Page) =>
  page.evaluate(() => {
    const counter = (window as unknown as { __rowCommits: { rows: Map<string, number> } }).__rowCommits;
    const rows = Object.fromEntries(counter.rows);
    counter.rows.clear();
    return rows;
  });

async function wizardRun(browser: Browser, baseUrl: string) {
  const page = await benchPage(browser, 'performance-at-scale--wizard-with-50000-contacts', baseUrl);
  const tti = await timeToInteractive(page, '[role="option"]');
  const tasks = await longTasksWhileScrolling(page, '[role="listbox"]', 60, 800);
  const selectAll = await timed(page, () => page.getByRole('button', { name: /select all/i }).click());
  await page.getByRole('button', { name: /^next$/i }).click();
  await page.locator('[data-part="mode-option"] input[value="split"]').check();
  const targets = page.locator('[data-part="target"] input');
  for (let i = 0; i < 3; i++) await targets.nth(i).check();
  await page.getByRole('button', { name: /^next$/i }).click();
  const submit = await timed(page, async () => {
    await page.getByRole('button', { name: /^reassign contacts$/i }).click();
    await page.locator('[data-part="result-step"]').waitFor({ timeout: 30_000 });
  });
  await page.context().close();
  return { tti, tasks, selectAll, submit };
}

async function usersRun(browser: Browser, baseUrl: string) {
  const page = await benchPage(browser, 'performance-at-scale--users-screen-with-5000-users', baseUrl);
  const tti = await timeToInteractive(page, 'tbody [data-part="user-row"]');
  await page.locator('tbody [data-part="user-row"]').nth(49).waitFor();
  await page.getByRole('button', { name: /show more/i }).click();
  await page.locator('tbody [data-part="user-row"]').nth(99).waitFor();
  const tasks = await longTasksWhileScrolling(page, null, 40, 200);
  await rowsRendered(page);
  // An unrelated change: selecting one row must not re-render the 99 others.
  const box = page.locator('tbody [data-part="row-select"]').nth(3);
  const boxRow = await page.locator('tbody [data-part="user-row"]').nth(3).getAttribute('data-user-id');
  await box.check();
  await page.waitForTimeout(300);
  const afterSelect = await rowsRendered(page);
  // Loading the next page must not re-render the rows already shown.
  await page.getByRole('button', { name: /show more/i }).click();
  await page.locator('tbody [data-part="user-row"]').nth(149).waitFor();
  await page.waitForTimeout(300);
  const afterMore = await rowsRendered(page);
  const shown = await page.locator('tbody [data-part="user-row"]').evaluateAll((rows) => rows.slice(0, 100).map((row) => row.getAttribute('data-user-id')));
  await page.context().close();
  const others = (rendered: Record<string, number>, except: string | null) => Object.keys(rendered).filter((id) => id !== except).length;
  return {
    tti,
    tasks,
    unrelatedAfterSelect: others(afterSelect, boxRow),
    selectedRowRendered: boxRow !== null && afterSelect[boxRow] !== undefined,
    unrelatedAfterMore: Object.keys(afterMore).filter((id) => shown.includes(id)).length,
  };
}

export async function uiBenchmarks(): Promise<Row[]> {
  const storybook = await serveStorybook();
  const browser = await launchChromium();
  try {
    const wizard = [];
    const users = [];
    for (let i = 0; i < RUNS; i++) {
      wizard.push(await wizardRun(browser, storybook.url));
      users.push(await usersRun(browser, storybook.url));
    }
    const sample = (values: number[]): Sample => summarise(values);
    const longTasks = (name: string, runs: { tasks: number[] }[]): Row => {
      const over50 = runs.reduce((sum, run) => sum + run.tasks.filter((task) => task > 50).length, 0);
      const worst = Math.max(0, ...runs.flatMap((run) => run.tasks));
      return {
        group: 'UI in Chromium',
        name,
        value: `${over50} over 50 ms`,
        detail: `longest ${ms(worst)} ms over ${RUNS} runs`,
        goal: 'none over 50 ms',
        ok: over50 === 0,
      };
    };
    const row = (name: string, value: Sample, goal: string, limit: number): Row => ({
      group: 'UI in Chromium',
      name,
      value: `${ms(value.median)} ms`,
      detail: `median of ${value.runs}, spread ${spread(value)} ms`,
      goal,
      ok: value.median <= limit,
    });
    return [
      row('wizard on 50k contacts: click → first rows', sample(wizard.map((run) => run.tti)), '≤ 200 ms', 200),
      longTasks('wizard: long tasks while scrolling 48k px', wizard),
      row('wizard: select all 50,000', sample(wizard.map((run) => run.selectAll)), '≤ 100 ms', 100),
      row('wizard: split among 3 and submit → result', sample(wizard.map((run) => run.submit)), '≤ 1000 ms', 1000),
      row('users screen (5k users): click → first rows', sample(users.map((run) => run.tti)), '≤ 200 ms', 200),
      longTasks('users screen: long tasks while scrolling', users),
      {
        group: 'UI in Chromium',
        name: 'users screen: other rows re-rendered by selecting one',
        value: String(Math.max(...users.map((run) => run.unrelatedAfterSelect))),
        detail: `of 99 unchanged rows; the selected row rendered: ${users.every((run) => run.selectedRowRendered)}`,
        goal: '0',
        ok: users.every((run) => run.unrelatedAfterSelect === 0 && run.selectedRowRendered),
      },
      {
        group: 'UI in Chromium',
        name: 'users screen: shown rows re-rendered by loading more',
        value: String(Math.max(...users.map((run) => run.unrelatedAfterMore))),
        detail: 'of 100 rows already shown',
        goal: '0',
        ok: users.every((run) => run.unrelatedAfterMore === 0),
      },
    ];
  } finally {
    await browser.close();
    await storybook.close();
  }
}
