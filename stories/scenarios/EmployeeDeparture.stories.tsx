import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ScenarioArgs } from '../support/offboardParameters';
import { expectScenarioStart, scenarioMeta } from '../support/scenarioStory';

const meta = {
  title: 'Scenarios/Employee departure',
  ...scenarioMeta('employee-departure', { withTransferableTasks: true }),
} satisfies Meta<ScenarioArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          'Diego Rojas leaves (R8, every step). Open the ⋯ menu on his row: **Deactivate user** is there but blocked with R4’s message, since he holds the last license in Colombia, which has two active numbers.',
          'Choose **Start offboarding**. In the checklist: reassign his 40 contacts to a salesperson (step 1), transfer his 6 open tasks (step 2), deactivate Colombia’s two numbers (step 3, R4’s way out), then his license (step 4) and his user (step 5), each after a confirmation listing its effects.',
          'Pick a **fault** in the controls to see a change fail in words, and its retry apply it once.',
        ].join('\n\n'),
      },
    },
  },
  play: async (context) => {
    await expectScenarioStart(context, [{ name: 'Diego Rojas', license: 'active', country: 'CO' }]);
  },
};
