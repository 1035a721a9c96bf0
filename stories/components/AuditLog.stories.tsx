import type { Meta, StoryObj } from '@storybook/react-vite';
import { demoOrganisation, generateOrganisation, withGeneratedAuditLog } from '@offboard/core/fixtures';
import { AuditLog } from '@offboard/react/audit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { themeOf } from '../support/play';
import { LOADING } from '../support/storyStates';

/** 20,000 entries over a 300-person organisation: enough to scroll for a long time (the 100,000-entry proof is a unit test). */
const ENTRIES = 20_000;
function organisationWithLongLog() {
  return withGeneratedAuditLog(generateOrganisation({ contacts: 3_000, users: 300 }), { entries: ENTRIES, spacingMinutes: 11 });
}
/** The first generated admin, who signs in to the long log. */
const GENERATED_ADMIN = 'u-0000001';

const meta = {
  title: 'Components/AuditLog',
  component: AuditLog,
  parameters: {
    docs: {
      description: {
        component:
          'Every recorded change (R10), newest first: who, what, about whom, when, why and what it did. Filters by actor, target, action and days; a windowed list; each entry opens to its reason and effects; CSV and JSON exports streamed page by page. Admin-only (R12). From `@offboard/react/audit`.',
      },
    },
  },
} satisfies Meta<typeof AuditLog>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The entries' disclosure buttons, in list order. */
const entryButtons = (canvasElement: HTMLElement) => {
  const list = within(canvasElement).queryByRole('list', { name: 'Audit entries, newest first' });
  return list ? within(list).getAllByRole('button') : [];
};

/** The demo organisation's two entries: Ana deactivated Karla, Bruno took Marta's license. */
export const Demo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(await canvas.findByText('2 entries')).toBeVisible();
    const [karla] = entryButtons(canvasElement);
    await expect(karla).toHaveTextContent(/User deactivated.*Karla Jiménez/);
    await userEvent.click(karla!);
    await expect(karla).toHaveAttribute('aria-expanded', 'true');
    await expect(await canvas.findByText('Sign-in was revoked; history was kept.')).toBeVisible();
  },
};

/** A long log: only the rows in view are rendered, and the count comes from the adapter. */
export const Populated: Story = {
  parameters: { offboard: { data: organisationWithLongLog, actorId: GENERATED_ADMIN } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('20,000 entries', {}, { timeout: 10_000 })).toBeVisible();
    await waitFor(() => expect(entryButtons(canvasElement).length).toBeGreaterThan(0));
    await expect(entryButtons(canvasElement).length).toBeLessThan(60);
  },
};

export const Empty: Story = {
  parameters: { offboard: { data: () => ({ ...demoOrganisation(), auditLog: [] }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No entry matches these filters.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('list')).not.toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(canvas.getByText('Loading…')).toBeVisible();
    await expect(canvas.queryByText('No entry matches these filters.')).not.toBeInTheDocument();
  },
};

/** R12: Carla, a member, sees why there is nothing to see; the log is never asked for. */
export const RefusedToMemberR12: Story = {
  name: 'Refused to a member (R12)',
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    await expect(within(canvasElement).queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  },
};

/** Reads fail three times (the first try and the kit's two retries); the error is shown with a retry that works. */
export const LoadErrorAndRetry: Story = {
  tags: ['expected-failed-requests'],
  parameters: { offboard: { faults: { listAuditLog: { kind: 'server-error', times: 3 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 });
    await expect(alert).toHaveTextContent('The server failed to answer.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('2 entries')).toBeVisible();
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Registro de auditoría' })).toBeVisible();
    await expect(await canvas.findByText('2 entradas')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Exportar CSV' })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const heading = within(canvasElement).getByRole('heading', { name: 'Audit log' });
    await expect(themeOf(heading)).toBe('dark');
    await expect(await within(canvasElement).findByText('2 entries')).toBeVisible();
  },
};
