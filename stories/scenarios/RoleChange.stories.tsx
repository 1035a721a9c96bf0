import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ScenarioArgs } from '../support/offboardParameters';
import { expectScenarioStart, scenarioMeta } from '../support/scenarioStory';

const meta = {
  title: 'Scenarios/Role change',
  ...scenarioMeta('role-change'),
} satisfies Meta<ScenarioArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          'Elena Torres moves to sales operations (R8, steps 1–4: she keeps her access). Open the ⋯ menu on her row → **Reassign contacts** and hand her 20 contacts to one salesperson or split them among several.',
          'Then **Manage license** → **Deactivate license**: the confirmation lists what happens (Sales Brain left, seat freed, open tasks made transferable). She stays under Active, with “Spain · inactive” as her license: she keeps sign-in and reports (R2).',
          'Or do it from **Start offboarding**: steps 1 to 4, leaving step 5.',
        ].join('\n\n'),
      },
    },
  },
  play: async (context) => {
    await expectScenarioStart(context, [{ name: 'Elena Torres', license: 'active', country: 'ES' }]);
  },
};
