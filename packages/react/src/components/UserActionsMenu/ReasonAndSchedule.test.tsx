import { demoOrganisation } from '@offboard/core/fixtures';
import type { User } from '@offboard/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LicenseOpener } from '../../../test/LicenseOpener';
import { observer, renderWithOffboard } from '../../../test/renderWithOffboard';
import { OffboardingChecklist } from '../OffboardingChecklist/OffboardingChecklist';
import { TeamDownsizingDialog } from '../UsersScreen/TeamDownsizingDialog';
import { UserActionsMenu } from './UserActionsMenu';

const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;
/** An instant as the viewer reads it: their locale and their time zone, named (Intl). */
const said = (at: string) =>
  new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(at));
/** What a date and a time field name in the viewer's time zone, in UTC. */
const local = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();
/** Far after the demo's clock and the machine's: the dates typed below are in the future for both. */
const FUTURE = '2099-12-01';

async function openMenuItem(user: ReturnType<typeof renderWithOffboard>['user'], name: string, item: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menuitem', { name: item });
}

describe('deactivation reasons (R14)', () => {
  it('R14: "Deactivate user" asks why: nothing preselected without a scenario, the chosen code and note reach the audit entry', async () => {
    const { user, backend } = renderWithOffboard(<UserActionsMenu user={userOf('u-carla')} />);
    await user.click(await openMenuItem(user, 'Carla Méndez', 'Deactivate user'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate Carla Méndez?' });
    const group = within(dialog).getByRole('group', { name: 'Reason' });
    expect(within(group).getAllByRole('radio').map((radio) => [radio.getAttribute('value'), (radio as HTMLInputElement).checked])).toEqual([
      ['left-company', false],
      ['role-change', false],
      ['downsizing', false],
      ['other', false],
    ]);
    await user.click(within(group).getByRole('radio', { name: 'Left the company' }));
    await user.type(within(group).getByRole('textbox', { name: 'Note (optional)' }), 'Last day Friday');
    expect(within(group).getByRole('textbox', { name: 'Note (optional)' })).toHaveAttribute('maxlength', '500');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate user' }));
    await expect.poll(async () => (await backend.listAuditLog({ targetId: 'u-carla', action: 'user.deactivated' }, observer)).items[0]?.reason).toEqual({
      code: 'left-company',
      note: 'Last day Friday',
    });
  });

  it('R14: under requireReason the confirm button is held, says why, and sends nothing until a reason is chosen', async () => {
    const { user, adapter } = renderWithOffboard(<LicenseOpener user={userOf('u-carla')} />, { policy: { requireReason: true } });
    await user.click(screen.getByRole('button', { name: 'Open license' }));
    await user.click(await screen.findByRole('button', { name: 'Deactivate license' }));
    const group = await screen.findByRole('group', { name: 'Reason (required)' });
    const confirm = screen.getByRole('button', { name: 'Deactivate license' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).toHaveAccessibleDescription('Choose a reason to continue.');
    await user.click(confirm);
    expect(adapter.calls.deactivateLicense).toBeUndefined();
    // Keyboard: into the group, the arrow keys choose.
    within(group).getAllByRole('radio')[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(within(group).getByRole('radio', { name: 'Changed role' })).toBeChecked();
    expect(confirm).not.toHaveAttribute('aria-disabled');
    await user.click(confirm);
    await expect.poll(() => adapter.calls.deactivateLicense).toBe(1);
  });

  it('R14: the checklist’s deactivation step preselects the scenario’s code (role change → "Changed role")', async () => {
    const { user, backend } = renderWithOffboard(<OffboardingChecklist userId="u-julia" scenario="role-change" />, {
      data: { ...demoOrganisation(), users: demoOrganisation().users.map((each) => (each.id === 'u-julia' ? { ...each, license: { country: 'ES', status: 'active' } } : each)) },
    });
    const step = await screen.findByRole('button', { name: 'Deactivate license' });
    await user.click(step);
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('radio', { name: 'Changed role' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate license' }));
    await expect.poll(async () => (await backend.listAuditLog({ targetId: 'u-julia', action: 'license.deactivated' }, observer)).items[0]?.reason).toEqual({ code: 'role-change' });
  });

  it('R14: team downsizing asks once for the batch, "Team downsizing" preselected, and every license carries it', async () => {
    const { user, backend } = renderWithOffboard(<TeamDownsizingDialog userIds={['u-fernando', 'u-hugo']} open onOpenChange={vi.fn()} />);
    const group = await screen.findByRole('group', { name: 'Reason' });
    expect(within(group).getByRole('radio', { name: 'Team downsizing' })).toBeChecked();
    await user.type(within(group).getByRole('textbox', { name: 'Note (optional)' }), 'Q4 plan');
    await user.click(screen.getByRole('button', { name: 'Deactivate 2 licenses' }));
    for (const id of ['u-fernando', 'u-hugo']) {
      await expect.poll(async () => (await backend.listAuditLog({ targetId: id, action: 'license.deactivated' }, observer)).items[0]?.reason).toEqual({ code: 'downsizing', note: 'Q4 plan' });
    }
  });
});

describe('"Deactivate on a date…" (R15)', () => {
  it('R15: the keyboard path: menu item, date, time, reason, confirm; the schedule shows in the menu in the viewer’s locale and zone', async () => {
    const { user, backend } = renderWithOffboard(<UserActionsMenu user={userOf('u-carla')} />);
    screen.getByRole('button', { name: 'Actions for Carla Méndez' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('menuitem', { name: 'Deactivate on a date…' });
    // Up from the first item wraps to the last: "Deactivate on a date…".
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveTextContent('Deactivate on a date…');
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Schedule a deactivation of Carla Méndez' });
    const date = within(dialog).getByLabelText('Date');
    await expect.poll(() => document.activeElement).toBe(date);
    expect(date).toHaveAccessibleDescription(/^Date and time in your time zone, .+\.$/);
    const confirm = within(dialog).getByRole('button', { name: 'Schedule deactivation' });
    expect(confirm).toHaveAccessibleDescription('Choose a date and a time.');
    await user.keyboard(FUTURE);
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Time'));
    await user.clear(document.activeElement!);
    await user.keyboard('17:30');
    expect(within(dialog).getByText(`Runs on ${said(local(FUTURE, '17:30'))}.`)).toBeInTheDocument();
    await user.tab();
    // The reason group is one tab stop; the arrows choose in it.
    expect(document.activeElement).toHaveAttribute('type', 'radio');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: 'Team downsizing' })).toBeChecked();
    expect(confirm).not.toHaveAttribute('aria-disabled');
    confirm.focus();
    await user.keyboard('{Enter}');
    await expect.poll(() => screen.queryByRole('dialog')).toBeNull();
    const [schedule] = (await backend.listScheduledDeactivations({ userId: 'u-carla' }, observer)).items;
    expect(schedule).toMatchObject({ scope: 'user', at: local(FUTURE, '17:30'), reason: { code: 'downsizing' }, status: 'pending' });
    await user.click(screen.getByRole('button', { name: 'Actions for Carla Méndez' }));
    expect(await screen.findByRole('menuitem', { name: `Cancel the deactivation scheduled for ${said(schedule!.at)}` })).toBeInTheDocument();
  });

  it('R15: a past instant is refused before sending, with the reason beside the button', async () => {
    const { user, adapter } = renderWithOffboard(<UserActionsMenu user={userOf('u-carla')} />);
    await user.click(await openMenuItem(user, 'Carla Méndez', 'Deactivate on a date…'));
    const dialog = await screen.findByRole('dialog', { name: 'Schedule a deactivation of Carla Méndez' });
    await user.type(within(dialog).getByLabelText('Date'), '2020-01-01');
    const confirm = within(dialog).getByRole('button', { name: 'Schedule deactivation' });
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).toHaveAccessibleDescription('Choose a date and time in the future.');
    await user.click(confirm);
    expect(adapter.calls.scheduleDeactivation).toBeUndefined();
  });

  it('R15: the backend’s SCHEDULE_CONFLICT is said as an alert in the form; another scope can then be sent', async () => {
    const { user, backend } = renderWithOffboard(<LicenseOpener user={userOf('u-carla')} />);
    await user.click(screen.getByRole('button', { name: 'Open license' }));
    await user.click(await screen.findByRole('button', { name: 'Deactivate on a date…' }));
    await user.type(await screen.findByLabelText('Date'), FUTURE);
    // Another admin schedules the license meanwhile.
    await backend.scheduleDeactivation('u-carla', { scope: 'license', at: '2099-01-01T09:00:00Z' }, { ...observer, idempotencyKey: 'other-admin' });
    await user.click(screen.getByRole('button', { name: 'Schedule deactivation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A deactivation of this kind is already scheduled for this user. Cancel it to choose another time.');
    await user.click(screen.getByRole('radio', { name: 'The user (and their license)' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Schedule deactivation' }));
    await expect.poll(async () => (await backend.listScheduledDeactivations({ userId: 'u-carla' }, observer)).items.map((each) => each.scope).sort()).toEqual(['license', 'user']);
  });

  it('R15: a pending schedule shows in the license dialog and the checklist, and Cancel cancels it', async () => {
    const { user, backend, queryClient } = renderWithOffboard(
      <>
        <LicenseOpener user={userOf('u-elena')} />
        <OffboardingChecklist userId="u-elena" />
      </>,
    );
    await screen.findByRole('heading', { name: 'Offboarding Elena Torres' });
    const { schedule } = await backend.scheduleDeactivation(
      'u-elena',
      { scope: 'license', at: '2099-03-01T08:00:00Z', reason: { code: 'left-company' } },
      { ...observer, idempotencyKey: 'plan-ahead' },
    );
    // Made elsewhere (another admin): the host re-reads, as a view of schedules does.
    await queryClient.invalidateQueries();
    const label = `License deactivation scheduled for ${said(schedule.at)}`;
    const step = document.querySelector<HTMLElement>('[data-part="checklist-step"][data-step="deactivate-license"]')!;
    expect(await within(step).findByText(label)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open license' }));
    const dialog = await screen.findByRole('dialog', { name: 'Manage license' });
    expect(await within(dialog).findByText(label)).toBeInTheDocument();
    expect(within(dialog).getByText('Reason: Left the company')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Deactivate on a date…' })).toHaveAccessibleDescription(
      'A deactivation of this kind is already scheduled for this user. Cancel it to choose another time.',
    );
    await user.click(within(dialog).getByRole('button', { name: `Cancel schedule: ${label}` }));
    await expect.poll(async () => (await backend.listScheduledDeactivations({ userId: 'u-elena' }, observer)).items[0]?.status).toBe('cancelled');
    await expect.poll(() => screen.queryAllByText(label)).toEqual([]);
  });
});
