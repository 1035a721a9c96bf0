/// <reference types="vite/client" />
import { composeStories } from '@storybook/react-vite';
import { describe, it } from 'vitest';

/** Every story file, each story run as a test: its loaders, its render and its play function's assertions. */
const modules = import.meta.glob<Record<string, unknown>>('./**/*.stories.tsx', { eager: true });

for (const [file, module] of Object.entries(modules)) {
  describe(file, () => {
    for (const [name, Story] of Object.entries(composeStories(module as never))) {
      it(name, async () => {
        await (Story as { run: () => Promise<void> }).run();
      });
    }
  });
}
