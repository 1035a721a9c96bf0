import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { serveStorybook } from './staticStorybook';

export interface BrowserSession {
  /** Where the static Storybook is served. */
  readonly url: string;
  readonly browser: Browser;
}

/** One static Storybook server and one Chromium for a test file, closed after it. */
export function storybookInChromium(): BrowserSession {
  let storybook: Awaited<ReturnType<typeof serveStorybook>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    storybook = await serveStorybook();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await storybook?.close();
  });
  return {
    get url() {
      return storybook!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
