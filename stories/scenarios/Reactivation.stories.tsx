import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { ScenarioArgs } from '../support/offboardParameters';
import { expectScenarioStart, scenarioMeta } from '../support/scenarioStory';

const meta = {
  title: 'Scenarios/Reactivation',
  ...scenarioMeta('reactivation', { withTransferableTasks: true }),
} satisfies Meta<ScenarioArgs>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story: [
          'Karla Jiménez comes back (R7). She is not under Active; choose **Inactive**, open the ⋯ menu on her row → **Activate user**. The confirmation says she can sign in again and that her license is not restored by itself.',
          'Back under **Active**, her menu → **Manage license** → **Assign license** takes the free seat (10 → 11 of 11). Her three tasks under “Tasks you can take” stop being transferable once her license is active again; tasks others took stay with them.',
          'Switch the **scenario** control to `seats-exhausted` to see the license refused with every seat in use.',
        ].join('\n\n'),
      },
    },
  },
  play: async (context) => {
    const { canvasElement } = context;
    // Karla is inactive: not in the Active list, still named in the orphaned-contacts notice, and
    // her open tasks wait for a taker.
    await expectScenarioStart(context, [{ name: 'Ana García', license: 'active', country: 'ES' }]);
    await expect(within(canvasElement).queryByRole('rowheader', { name: /^Karla Jiménez/ })).not.toBeInTheDocument();
    await waitFor(() => expect(canvasElement.querySelector('[data-part="orphaned-owner"][data-user-id="u-karla"]')).toHaveTextContent('Karla Jiménez'), { timeout: 15_000 });
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-part="task"]')).toHaveLength(5), { timeout: 15_000 });
  },
};
