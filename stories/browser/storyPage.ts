import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

export interface StoryEntry {
  readonly id: string;
  readonly title: string;
  readonly name: string;
  readonly type: 'story' | 'docs';
  readonly tags?: readonly string[];
}

/** Every story of the static build, from Storybook's own index. */
export async function storyIndex(baseUrl: string): Promise<StoryEntry[]> {
  const index = (await (await fetch(`${baseUrl}/index.json`)).json()) as { entries: Record<string, StoryEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/** What went wrong on a page while it was open: console errors, failed or refused requests, page errors. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly failedRequests: string[];
  readonly pageErrors: string[];
}

export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return problems;
}

export interface StoryOptions {
  readonly globals?: Record<string, string>;
  readonly args?: Record<string, string>;
}

/** The canvas URL of one story, with globals and args encoded the way Storybook reads them. */
export function storyUrl(baseUrl: string, id: string, options: StoryOptions = {}): string {
  const encode = (values: Record<string, string> | undefined) =>
    Object.entries(values ?? {})
      .map(([key, value]) => `${key}:${value.replace(/ /g, '+')}`)
      .join(';');
  const params = new URLSearchParams({ id, viewMode: 'story' });
  if (options.globals) params.set('globals', encode(options.globals));
  if (options.args) params.set('args', encode(options.args));
  return `${baseUrl}/iframe.html?${params.toString()}`;
}

/**
 * Opens a story and waits until Storybook has finished it: loaders, render and play function.
 * Returns whether Storybook showed its error display (a thrown render or a failed play).
 */
export async function openStory(page: Page, url: string): Promise<{ errored: boolean }> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const phase = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return phase === 'finished' || phase === 'aborted' || phase === 'errored';
    },
    null,
    { timeout: 30_000 },
  );
  const errored = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
  return { errored };
}

/** axe-core on the story's canvas (the kit's layer of dialogs and menus lives inside it); every rule, or only those given. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).include('#storybook-root');
  const results = await (rules ? builder.withRules([...rules]) : builder).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`,
  );
}

export async function newPage(browser: Browser, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
  return context.newPage();
}

type Channel = { emit(event: string, payload: unknown): void };
type Preview = { currentRender?: { id?: string; phase?: string } };

/**
 * Shows a story on a page where the preview is already loaded, as the manager would, through
 * Storybook's channel: its loaders and play function run again without reloading the page.
 * Returns whether Storybook showed its error display.
 */
export async function showStory(page: Page, id: string): Promise<{ errored: boolean }> {
  await page.evaluate((storyId) => (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' }), id);
  await page.waitForFunction(
    (storyId) => {
      const render = (window as unknown as { __STORYBOOK_PREVIEW__?: Preview }).__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && ['finished', 'aborted', 'errored'].includes(render.phase ?? '');
    },
    id,
    { timeout: 30_000 },
  );
  return { errored: await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay')) };
}

/**
 * Switches globals (theme, locale) in place: the story re-renders with its state kept, its play
 * function not run again. (A story whose args fix its theme keeps it.)
 */
export async function setGlobals(page: Page, globals: Record<string, string>): Promise<void> {
  await page.evaluate((values) => (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: values }), globals);
  await page.waitForFunction(
    () => ['finished', 'aborted', 'errored'].includes((window as unknown as { __STORYBOOK_PREVIEW__?: Preview }).__STORYBOOK_PREVIEW__?.currentRender?.phase ?? ''),
    null,
    { timeout: 10_000 },
  );
}
