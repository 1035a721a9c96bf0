import { beforeAll, describe, expect, it } from 'vitest';
import { storybookInChromium } from './session';
import { axeViolations, newPage, openStory, storyIndex, storyUrl, watchProblems, type StoryEntry } from './storyPage';

/**
 * Every story of the static build in real Chromium: it renders and its play function passes,
 * with no console error, no failed request, and zero axe violations on the canvas.
 */
const session = storybookInChromium();
/** `STORIES=<regex>` narrows the run to matching story ids, while working on a few. */
const ONLY = process.env.STORIES ? new RegExp(process.env.STORIES) : null;
let stories: StoryEntry[];
beforeAll(async () => {
  stories = (await storyIndex(session.url)).filter((story) => !ONLY || ONLY.test(story.id));
});

describe('every story in Chromium', () => {
  it('finds the stories of the build', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it('renders each with no console error, no failed request and no axe violation', async () => {
    const failures: string[] = [];
    for (const story of stories) {
      const page = await newPage(session.browser);
      const problems = watchProblems(page);
      try {
        const { errored } = await openStory(page, storyUrl(session.url, story.id));
        const violations = await axeViolations(page);
        // Stories that inject faults break requests on purpose (their play proves the recovery);
        // the browser logs those as failed loads. Everything else still holds for them.
        const faultsExpected = story.tags?.includes('expected-failed-requests') ?? false;
        const found = [
          ...(errored ? ['Storybook showed an error (render or play function)'] : []),
          ...problems.consoleErrors.filter((text) => !(faultsExpected && text.startsWith('Failed to load resource'))).map((text) => `console error: ${text}`),
          ...problems.pageErrors.map((text) => `page error: ${text}`),
          ...(faultsExpected ? [] : problems.failedRequests.map((text) => `failed request: ${text}`)),
          ...violations.map((text) => `axe: ${text}`),
        ];
        if (found.length) failures.push(`${story.id}\n  ${found.join('\n  ')}`);
      } catch (error) {
        failures.push(`${story.id}\n  ${String(error)}`);
      } finally {
        await page.context().close();
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 900_000);
});
