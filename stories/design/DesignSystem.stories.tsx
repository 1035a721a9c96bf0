import type { Meta, StoryObj } from '@storybook/react-vite';
import { UsersScreen, useOffboard } from '@offboard/react';
import type { ReactNode } from 'react';
import { expect, waitFor, within } from 'storybook/test';

/**
 * The stylesheet's design system: the tokens every screen is built from, the four button variants
 * with their blocked look, and the badges of every license, step and outcome state. Each is the
 * kit's own markup and classes, so what shows here is what the components show.
 */
const meta = {
  title: 'Design system',
  parameters: {
    docs: {
      description: {
        component:
          'Tokens (`--ob-*` custom properties on `.ob-root`), button variants and status badges. Switch the Theme toolbar for dark, the viewport tool for mobile. A host overrides any token on `.ob-root` in its own stylesheet.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

/** A themed `.ob-root` card, like a component's root, for markup that has no component of its own. */
function Sheet({ title, children }: { title: string; children: ReactNode }) {
  const { theme } = useOffboard();
  return (
    <section className="ob-root ob-transferable-tasks" data-theme={theme} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

const row = { display: 'flex', flexWrap: 'wrap', gap: 'var(--ob-space-3)', alignItems: 'center' } as const;

const COLOURS = [
  ['bg', 'fg'],
  ['surface', 'fg'],
  ['accent', 'accent-fg'],
  ['accent-subtle', 'accent-text'],
  ['danger', 'danger-fg'],
  ['danger-subtle', 'danger-text'],
  ['warning-subtle', 'warning-text'],
  ['success-subtle', 'success-text'],
  ['neutral-subtle', 'muted'],
] as const;

/** Colour roles (each swatch shows its text role on its background), spacing, radius and type scales. */
export const Tokens: Story = {
  render: () => (
    <Sheet title="Tokens">
      <h3>Colour roles</h3>
      <ul style={{ ...row, listStyle: 'none', padding: 0 }}>
        {COLOURS.map(([background, text]) => (
          <li
            key={background}
            data-token={background}
            style={{ width: '9.5rem', padding: 'var(--ob-space-3)', borderRadius: 'var(--ob-radius-4)', border: '1px solid var(--ob-color-border)', background: `var(--ob-color-${background})`, color: `var(--ob-color-${text})` }}
          >
            <code>--ob-color-{background}</code>
            <br />
            <small>text: {text}</small>
          </li>
        ))}
      </ul>
      <h3>Spacing</h3>
      <ul style={{ display: 'grid', gap: 'var(--ob-space-1)', listStyle: 'none', padding: 0 }}>
        {[1, 2, 3, 4, 5, 6].map((step) => (
          <li key={step} style={row}>
            <code style={{ width: '7rem' }}>--ob-space-{step}</code>
            <span style={{ width: `var(--ob-space-${step})`, height: 'var(--ob-space-3)', background: 'var(--ob-color-accent)', borderRadius: 'var(--ob-radius-1)' }} />
          </li>
        ))}
      </ul>
      <h3>Radius</h3>
      <ul style={{ ...row, listStyle: 'none', padding: 0 }}>
        {['1', '2', '3', '4', '5', 'full'].map((step) => (
          <li key={step} style={{ width: '4.5rem', height: '3rem', display: 'grid', placeItems: 'center', border: '2px solid var(--ob-color-border-strong)', borderRadius: `var(--ob-radius-${step})` }}>
            <code>{step}</code>
          </li>
        ))}
      </ul>
      <h3>Type</h3>
      <ul style={{ display: 'grid', gap: 'var(--ob-space-1)', listStyle: 'none', padding: 0 }}>
        {[1, 2, 3, 4, 5].map((step) => (
          <li key={step} style={{ fontSize: `var(--ob-font-size-${step})` }}>
            --ob-font-size-{step}: Deactivate license
          </li>
        ))}
      </ul>
    </Sheet>
  ),
};

/**
 * Primary, secondary, danger and ghost, each ready and blocked (`aria-disabled`): blocked has no fill
 * and a dashed outline. The visual tests hold this look (jsdom applies no stylesheet).
 */
export const Buttons: Story = {
  render: () => (
    <Sheet title="Buttons">
      {(['primary', 'secondary', 'danger', 'ghost'] as const).map((variant) => (
        <div key={variant} style={row}>
          <code style={{ width: '6rem' }}>{variant}</code>
          <button type="button" data-variant={variant}>
            Deactivate license
          </button>
          <button type="button" data-variant={variant} aria-disabled="true">
            Deactivate license
          </button>
        </div>
      ))}
      <span className="ob-deactivate-license-guard">
        <button type="button" className="ob-deactivate-license" aria-disabled="true" aria-describedby="sb-design-reason">
          Deactivate license
        </button>
        <span id="sb-design-reason" className="ob-reason">
          You must deactivate the phone numbers for this license&apos;s country before removing the last license in the country.
        </span>
      </span>
    </Sheet>
  ),
};

/** Every license, checklist-step and downsizing state: colour, words and an icon, on one line. */
export const Badges: Story = {
  render: () => (
    <Sheet title="Badges">
      <div style={row}>
        <span className="ob-license-badge" data-state="active">
          Mexico
        </span>
        <span className="ob-license-badge" data-state="inactive">
          Mexico · inactive
        </span>
        <span className="ob-license-badge" data-state="none">
          No license
        </span>
      </div>
      <div style={row}>
        {[
          ['done', 'Done'],
          ['pending', 'To do'],
          ['blocked', 'Blocked'],
          ['not-applicable', 'Not applicable'],
        ].map(([state, label]) => (
          <span key={state} className="ob-step-status" data-state={state}>
            {label}
          </span>
        ))}
      </div>
      <div style={row}>
        <span className="ob-downsizing-note">Will be deactivated</span>
        {[
          ['done', 'Deactivated'],
          ['skipped', 'Skipped'],
          ['refused', 'Refused'],
          ['failed', 'Not confirmed: try again'],
        ].map(([state, label]) => (
          <span key={state} className="ob-downsizing-outcome" data-state={state}>
            {label}
          </span>
        ))}
      </div>
      <div style={row}>
        {[
          ['available', 9, 10],
          ['full', 10, 10],
        ].map(([state, used, total]) => (
          <div key={state} className="ob-seat-usage" data-state={state}>
            <span className="ob-seat-usage-text">
              {used} of {total} seats used
            </span>
            <meter className="ob-seat-meter" min={0} max={Number(total)} value={Number(used)} aria-label={`Seat usage, ${state}`} />
          </div>
        ))}
      </div>
      <div role="status" className="ob-toast" data-state="shown" style={{ position: 'static', margin: 0 }}>
        <span>The license of Elena Torres was deactivated.</span>
      </div>
    </Sheet>
  ),
};

const BRAND = `
  :root .ob-root {
    --ob-color-accent: light-dark(#6d28d9, #b69cff);
    --ob-color-accent-fg: light-dark(#ffffff, #14092b);
    --ob-color-accent-subtle: light-dark(#f1eafe, #2a1d47);
    --ob-color-accent-text: light-dark(#5b21b6, #cbb8ff);
    --ob-radius-3: 999px;
    --ob-font-family: Georgia, 'Times New Roman', serif;
  }
`;

/**
 * A host's brand: four accent roles, a rounder control radius and its own font, set on `.ob-root`
 * in the host's stylesheet. Dialogs and menus pick it up too: they render inside the provider's
 * `.ob-root` layer.
 */
export const Theming: Story = {
  render: () => (
    <>
      <style>{BRAND}</style>
      <UsersScreen pageSize={5} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const screen = within(canvasElement);
    const active = await screen.findByRole('button', { name: 'Active' });
    await waitFor(() => expect(getComputedStyle(active).getPropertyValue('--ob-color-accent').trim()).toMatch(/6d28d9|b69cff/));
  },
};
