import { demoOrganisation } from '@offboard/core/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithOffboard } from '../../../test/renderWithOffboard';
import { UserActionsMenu } from '../UserActionsMenu/UserActionsMenu';
import { OffboardingChecklist } from './OffboardingChecklist';

const R4 = "You must deactivate the phone numbers for this license's country before removing the last license in the country.";
/** What steps 4 and 5 say while step 3 holds R4's way out: they point to it rather than repeat the rule. */
const AFTER_STEP_3 = 'Do step 3 first: Check phone numbers (last license in the country).';

const stepItem = (stepId: string) => document.querySelector<HTMLElement>(`[data-part="checklist-step"][data-step="${stepId}"]`)!;
const statusOf = (stepId: string) => stepItem(stepId).getAttribute('data-state');
const waitForStep = async (stepId: string) => {
  await screen.findByRole('heading', { name: /^Offboarding / });
  return stepItem(stepId);
};

describe('OffboardingChecklist', () => {
  it('R8 and R4: lists the five steps with status and reason, and unblocks the license once the numbers go', async () => {
    const { user } = renderWithOffboard(<OffboardingChecklist userId="u-diego" />);
    const steps = await screen.findAllByRole('listitem');
    expect(screen.getByRole('heading', { name: 'Offboarding Diego Rojas' })).toBeInTheDocument();
    expect(screen.getByText('Scenario: Employee departure')).toBeInTheDocument();
    expect(steps.filter((item) => item.dataset.part === 'checklist-step').map((item) => item.dataset.state)).toEqual([
      'pending',
      'pending',
      'pending',
      'blocked',
      'blocked',
    ]);
    expect(stepItem('reassign-contacts')).toHaveTextContent('40 contacts still belong to this user.');
    expect(stepItem('transfer-tasks')).toHaveTextContent('6 open tasks are still assigned to this user.');
    expect(stepItem('check-phone-numbers')).toHaveTextContent(R4);
    expect(within(stepItem('check-phone-numbers')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['+57 601 234 5678', '+57 604 567 8901']);
    const license = within(stepItem('deactivate-license')).getByRole('button', { name: 'Deactivate license' });
    expect(license).toHaveAttribute('aria-disabled', 'true');
    expect(license).toHaveAccessibleDescription(AFTER_STEP_3);
    expect(within(stepItem('deactivate-user')).getByRole('button', { name: 'Deactivate user' })).toHaveAccessibleDescription(AFTER_STEP_3);
    // The rule is said once, where it can be acted on.
    expect(screen.getAllByText(R4)).toHaveLength(1);

    await user.click(within(stepItem('check-phone-numbers')).getByRole('button', { name: 'Deactivate 2 numbers' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate 2 phone numbers in Colombia?' });
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate 2 numbers' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Step 3 done: Check phone numbers (last license in the country).');
    await expect.poll(() => statusOf('check-phone-numbers')).toBe('done');
    await expect.poll(() => document.activeElement).toBe(stepItem('check-phone-numbers'));
    expect(statusOf('deactivate-license')).toBe('pending');
    expect(within(stepItem('deactivate-license')).getByRole('button', { name: 'Deactivate license' })).not.toHaveAttribute('aria-disabled');
  });

  it('R8: one step at a time: while a step runs or awaits its retry, the others wait and say why', async () => {
    const { user, adapter } = renderWithOffboard(<OffboardingChecklist userId="u-diego" />);
    const transfer = await screen.findByRole('button', { name: 'Transfer 6 open tasks' });
    const reassign = within(stepItem('reassign-contacts')).getByRole('button', { name: 'Reassign 40 contacts' });
    await user.selectOptions(await within(stepItem('reassign-contacts')).findByRole('combobox', { name: 'Receiving salesperson' }), 'Óscar Paredes');
    await user.selectOptions(within(stepItem('transfer-tasks')).getByRole('combobox', { name: 'Receiving salesperson' }), 'Carla Méndez');
    await expect.poll(() => reassign.getAttribute('aria-disabled')).toBeNull();
    let answer!: () => void;
    const transferTasks = adapter.transferTasks.bind(adapter);
    vi.spyOn(adapter, 'transferTasks').mockImplementationOnce(async (...args) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return transferTasks(...args);
    });
    adapter.failNext('transferTasks', { when: 'before' });
    await user.click(transfer);

    await expect.poll(() => transfer.getAttribute('aria-busy')).toBe('true');
    expect(reassign).toHaveAttribute('aria-disabled', 'true');
    expect(reassign).toHaveAccessibleDescription('Waiting for step 2 to finish.');
    expect(within(stepItem('deactivate-license')).getByRole('button', { name: 'Deactivate license' })).toHaveAccessibleDescription(AFTER_STEP_3);
    await user.click(reassign);
    expect(adapter.calls.reassignContacts).toBeUndefined();

    answer();
    await within(stepItem('transfer-tasks')).findByRole('alert');
    expect(reassign).toHaveAccessibleDescription('Step 2 failed: try it again or close its error first.');
    expect(transfer).toHaveAccessibleDescription('Step 2 failed: try it again or close its error first.');
    await user.click(reassign);
    expect(adapter.calls.reassignContacts).toBeUndefined();

    await user.click(within(stepItem('transfer-tasks')).getByRole('button', { name: 'Close' }));
    await expect.poll(() => reassign.getAttribute('aria-disabled')).toBeNull();
    expect(reassign).not.toHaveAccessibleDescription();
    expect(statusOf('transfer-tasks')).toBe('pending');
  });

  it('R5: a hand-over step whose salespeople failed to load says so and loads them again', async () => {
    const { user, adapter } = renderWithOffboard(<OffboardingChecklist userId="u-diego" />);
    adapter.failNext('listUsers', { when: 'before' });
    await screen.findByRole('heading', { name: 'Offboarding Diego Rojas' });
    const alerts = await within(stepItem('reassign-contacts')).findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('The server could not be reached.');
    expect(within(stepItem('reassign-contacts')).queryByRole('button', { name: 'Reassign 40 contacts' })).toBeNull();
    await user.click(within(alerts[0]!).getByRole('button', { name: 'Try again' }));
    expect(await within(stepItem('reassign-contacts')).findByRole('button', { name: 'Reassign 40 contacts' })).toBeInTheDocument();
    expect(within(stepItem('reassign-contacts')).getByRole('option', { name: 'Carla Méndez' })).toBeInTheDocument();
  });

  it('R5: nobody receives a hand-over until the user chooses who: the button is held and says so', async () => {
    const { user, adapter } = renderWithOffboard(<OffboardingChecklist userId="u-diego" />);
    const select = await within(await waitForStep('reassign-contacts')).findByRole('combobox', { name: 'Receiving salesperson' });
    const reassign = within(stepItem('reassign-contacts')).getByRole('button', { name: 'Reassign 40 contacts' });
    expect(select).toHaveDisplayValue('Choose a salesperson');
    expect(reassign).toHaveAttribute('aria-disabled', 'true');
    expect(reassign).toHaveAccessibleDescription('Choose who receives them first.');
    await user.click(reassign);
    expect(adapter.calls.reassignContacts).toBeUndefined();

    await user.selectOptions(select, 'Carla Méndez');
    expect(reassign).not.toHaveAttribute('aria-disabled');
    expect(reassign).not.toHaveAccessibleDescription();
    await user.click(reassign);
    await expect.poll(() => statusOf('reassign-contacts')).toBe('done');
    expect(adapter.calls.reassignContacts).toBe(1);
  });

  it('R8: every mounted component shows the new truth after a step, without a reload', async () => {
    const user0 = demoOrganisation().users.find((each) => each.id === 'u-ignacio')!;
    const { user } = renderWithOffboard(
      <>
        <UserActionsMenu user={user0} />
        <OffboardingChecklist userId="u-ignacio" scenario="team-downsizing" />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Ignacio Luna' }));
    expect(await screen.findByRole('menuitem', { name: 'Deactivate user' })).toHaveAccessibleDescription(R4);
    await user.keyboard('{Escape}');

    await user.click(await screen.findByRole('button', { name: 'Deactivate 1 number' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Deactivate 1 number' }));
    await expect.poll(() => statusOf('check-phone-numbers')).toBe('done');

    await user.click(screen.getByRole('button', { name: 'Actions for Ignacio Luna' }));
    await expect.poll(() => screen.getByRole('menuitem', { name: 'Deactivate user' }).getAttribute('aria-disabled')).toBeNull();
  });

  it("R12: another user's checklist is admin-only, said without asking; a member's own shows every step refused (R9)", async () => {
    const other = renderWithOffboard(<OffboardingChecklist userId="u-elena" />, { actorId: 'u-carla' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(other.adapter.calls.getOffboardingPlan).toBeUndefined();
    other.unmount();

    renderWithOffboard(<OffboardingChecklist userId="u-carla" />, { actorId: 'u-carla' });
    expect(await screen.findByRole('heading', { name: 'Offboarding Carla Méndez' })).toBeInTheDocument();
    const deactivate = within(stepItem('deactivate-user')).getByRole('button', { name: 'Deactivate user' });
    expect(deactivate).toHaveAttribute('aria-disabled', 'true');
    expect(deactivate).toHaveAccessibleDescription('Only an active admin can do this.');
  });

});
