import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ScenarioArgs } from '../support/offboardParameters';
import { expectScenarioStart, scenarioMeta } from '../support/scenarioStory';

const meta = {
  title: 'Scenarios/Last license in a country',
  // The journeys open this story by id; the title's "a" would otherwise be part of it.
  id: 'scenarios-last-license-in-country',
  ...scenarioMeta('last-license-in-country'),
} satisfies Meta<ScenarioArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          'Ignacio Luna is the only salesperson in Argentina, which has an active number (R4). Open the ⋯ menu on his row: **Deactivate user** stays in the menu, blocked, with the article’s message.',
          '**Manage license** shows the same message, Argentina’s active number and the way out: **Deactivate 1 number**, confirm, and **Deactivate license** is no longer blocked.',
          'Or tick Ignacio with other users and **Deactivate licenses**: the batch refuses only his.',
        ].join('\n\n'),
      },
    },
  },
  play: async (context) => {
    await expectScenarioStart(context, [{ name: 'Ignacio Luna', license: 'active', country: 'AR' }]);
  },
};
