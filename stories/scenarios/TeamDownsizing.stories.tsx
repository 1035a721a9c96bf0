import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { ScenarioArgs } from '../support/offboardParameters';
import { expectScenarioStart, scenarioMeta } from '../support/scenarioStory';

const meta = {
  title: 'Scenarios/Team downsizing',
  ...scenarioMeta('team-downsizing'),
} satisfies Meta<ScenarioArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

const MEXICO_TEAM = ['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas'];

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          'The Mexico City field team shrinks (R8, licenses only, in bulk). Tick **Fernando Ruiz**, **Gabriela Soto** and **Hugo Vargas**, then **Deactivate 3 licenses**: one combined preview (contacts orphaned, tasks made transferable, Sales Brains left, seats freed), one confirmation, then each license with its outcome.',
          'Add **Bruno Díaz** and **Ignacio Luna** to the selection to see R4 inside the batch: the licenses that would leave Mexico or Argentina without one are refused, and the others go.',
          'With the “answer lost” **fault**, one license reports a failure and **Try again** resends only that one, under its key.',
        ].join('\n\n'),
      },
    },
  },
  play: async (context) => {
    await expectScenarioStart(
      context,
      MEXICO_TEAM.map((name) => ({ name, license: 'active', country: 'MX' })),
    );
    // Bulk selection is offered on the Active list: one checkbox per row.
    const rows = MEXICO_TEAM.map((name) => within(context.canvasElement).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!);
    for (const row of rows) await expect(within(row).getByRole('checkbox')).not.toBeChecked();
  },
};
