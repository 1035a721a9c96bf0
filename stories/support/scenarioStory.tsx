import type { ArgTypes } from '@storybook/react-vite';
import { DEMO_SCENARIOS, DEMO_SCENARIO_IDS, type DemoScenarioId } from '@offboard/core/fixtures';
import { TransferableTasks, UsersScreen } from '@offboard/react';
import { expect, waitFor, within } from 'storybook/test';
import { FAULT_LABELS, FAULT_PRESETS } from './faultPresets';
import type { ScenarioArgs } from './offboardParameters';

/**
 * The controls of every scenario story. Changing one re-runs the loader: a fresh backend for the
 * scenario, with the fault armed. Locale and theme left empty follow the toolbar.
 */
export const SCENARIO_ARG_TYPES: Partial<ArgTypes<ScenarioArgs>> = {
  organisation: {
    control: 'select',
    options: [...DEMO_SCENARIO_IDS],
    description: 'The scenario whose organisation the backend starts from. Changing it starts a fresh backend.',
  },
  locale: { control: 'inline-radio', options: ['en', 'es'], description: 'Language of the kit. Empty: the toolbar’s.' },
  theme: { control: 'inline-radio', options: ['light', 'dark'], description: 'Colour scheme. Empty: the toolbar’s.' },
  fault: {
    control: { type: 'select', labels: FAULT_LABELS },
    options: Object.keys(FAULT_PRESETS),
    description: 'Breaks the first try of each change (or slows every answer), to see errors in words and retries that apply once.',
  },
};

/**
 * Everything a scenario story's meta has but its title (which Storybook reads literally): the
 * screen, the controls starting on the scenario, and its summary as the docs description.
 */
export function scenarioMeta(id: DemoScenarioId, { withTransferableTasks = false } = {}) {
  return {
    render: () => <ScenarioScreen withTransferableTasks={withTransferableTasks} />,
    args: { organisation: id, fault: 'none' } satisfies ScenarioArgs,
    argTypes: SCENARIO_ARG_TYPES,
    parameters: {
      offboard: { scenario: id },
      docs: { description: { component: DEMO_SCENARIOS[id].summary } },
    },
  };
}

/** What a designer clicks through: the whole users screen, and the tasks waiting for a taker where they matter. */
export function ScenarioScreen({ withTransferableTasks = false }: { withTransferableTasks?: boolean }) {
  return (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <UsersScreen />
      {withTransferableTasks ? <TransferableTasks /> : null}
    </div>
  );
}

/** A user the scenario is about, as the users table should show them at the start. */
export interface ExpectedRow {
  readonly name: string;
  /** The license badge's state, and the license's country. */
  readonly license: 'active' | 'inactive' | 'none';
  readonly country?: string;
}

interface ScenarioPlayContext {
  readonly canvasElement: HTMLElement;
  readonly args: ScenarioArgs;
  readonly globals: Record<string, unknown>;
}

/** The language the story renders in: the control, else the toolbar. */
const localeOf = ({ args, globals }: ScenarioPlayContext) => args.locale ?? (globals.locale === 'es' ? 'es' : 'en');

/**
 * Asserts the starting screen only: the scenario's users are listed with the right license badge.
 * The journeys that walk each scenario end to end start from here. Checks are written to hold in
 * either language and with the slow-answers fault, since designers and journeys set both.
 */
export async function expectScenarioStart(context: ScenarioPlayContext, rows: readonly ExpectedRow[]): Promise<void> {
  const canvas = within(context.canvasElement);
  const countryName = (code: string) => new Intl.DisplayNames([localeOf(context)], { type: 'region' }).of(code) ?? code;
  const slow = { timeout: 15_000 };
  for (const expected of rows) {
    const header = await canvas.findByRole('rowheader', { name: new RegExp(`^${expected.name}`) }, slow);
    const badge = header.closest('tr')!.querySelector<HTMLElement>('[data-part="license-badge"]');
    await expect(badge).toHaveAttribute('data-state', expected.license);
    if (expected.country) await expect(badge).toHaveTextContent(countryName(expected.country));
  }
  await waitFor(() => expect(canvas.getByRole('meter')).toBeInTheDocument(), slow);
}
