import { SCENARIOS } from '@offboard/core';
import { singleAdminOrganisation } from '@offboard/core/fixtures';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { OffboardingChecklist } from '@offboard/react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { AFTER_STEP_3, NETWORK_ERROR_MESSAGE, R4_MESSAGE, auditCount, chooseReceiver, expectAnnounced, expectBlocked, findReadyButton, loadedOf, themeOf } from '../support/play';
import { LOADING } from '../support/storyStates';

const meta = {
  title: 'Components/OffboardingChecklist',
  component: OffboardingChecklist,
  args: { userId: 'u-diego', scenario: 'employee-departure', onReassignContacts: fn() },
  argTypes: { scenario: { control: 'inline-radio', options: [...SCENARIOS] } },
  parameters: {
    docs: {
      description: {
        component:
          'The five R8 steps of one user for a scenario, in the article’s order: each with its status, the reason in words and the control that performs it. Steps 3–5 confirm their effects first; the plan is recomputed after every step.',
      },
    },
  },
} satisfies Meta<typeof OffboardingChecklist>;
export default meta;

type Story = StoryObj<typeof meta>;

const stepOf = (canvasElement: HTMLElement, stepId: string): HTMLElement =>
  canvasElement.querySelector<HTMLElement>(`[data-part="checklist-step"][data-step="${stepId}"]`)!;
const statusesOf = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll<HTMLElement>('[data-part="checklist-step"]')].map((step) => [step.dataset.step, step.dataset.state]);

/** Waits for the plan, then returns the steps' statuses in order. */
async function loadedSteps(canvasElement: HTMLElement, heading: string) {
  await within(canvasElement).findByRole('heading', { name: heading });
  return statusesOf(canvasElement);
}

/** R8 employee departure for Diego: every step applies; R4 blocks steps 4 and 5 until his numbers go. */
export const EmployeeDepartureR8: Story = {
  name: 'Employee departure (R8)',
  play: async ({ canvasElement, args }) => {
    await expect(await loadedSteps(canvasElement, 'Offboarding Diego Rojas')).toEqual([
      ['reassign-contacts', 'pending'],
      ['transfer-tasks', 'pending'],
      ['check-phone-numbers', 'pending'],
      ['deactivate-license', 'blocked'],
      ['deactivate-user', 'blocked'],
    ]);
    await expect(within(canvasElement).getByText('Scenario: Employee departure')).toBeVisible();
    await expect(stepOf(canvasElement, 'reassign-contacts')).toHaveTextContent('40 contacts still belong to this user.');
    await expect(stepOf(canvasElement, 'transfer-tasks')).toHaveTextContent('6 open tasks are still assigned to this user.');
    // R5: nobody receives the hand-overs until the admin chooses who.
    const reassign = within(stepOf(canvasElement, 'reassign-contacts'));
    await expect(await reassign.findByRole('combobox', { name: 'Receiving salesperson' })).toHaveDisplayValue('Choose a salesperson');
    await expectBlocked(reassign.getByRole('button', { name: 'Reassign 40 contacts' }), 'Choose who receives them first.');
    // R4: step 3 says the rule and names the numbers; steps 4 and 5 are inert and point to step 3.
    await expect(stepOf(canvasElement, 'check-phone-numbers')).toHaveTextContent(R4_MESSAGE);
    await expect(within(canvasElement).getAllByText(R4_MESSAGE)).toHaveLength(1);
    await expect(within(stepOf(canvasElement, 'check-phone-numbers')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['+57 601 234 5678', '+57 604 567 8901']);
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' }), AFTER_STEP_3);
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-user')).getByRole('button', { name: 'Deactivate user' }), AFTER_STEP_3);

    await userEvent.click(within(stepOf(canvasElement, 'reassign-contacts')).getByRole('button', { name: 'Choose contacts…' }));
    await expect(args.onReassignContacts).toHaveBeenCalledWith(expect.objectContaining({ id: 'u-diego' }));
  },
};

/** R4's way out from the checklist: step 3 deactivates the numbers, and step 4 is no longer blocked. */
export const LastLicenseStepR4: Story = {
  name: 'Last license step (R4)',
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await loadedSteps(canvasElement, 'Offboarding Diego Rojas');
    await userEvent.click(within(stepOf(canvasElement, 'check-phone-numbers')).getByRole('button', { name: 'Deactivate 2 numbers' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate 2 phone numbers in Colombia?' });
    await expect(confirm).toHaveTextContent('+57 601 234 5678');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Deactivate 2 numbers' }));

    await expectAnnounced('Step 3 done: Check phone numbers (last license in the country).');
    await waitFor(() => expect(stepOf(canvasElement, 'check-phone-numbers')).toHaveAttribute('data-state', 'done'));
    await expect(stepOf(canvasElement, 'deactivate-license')).toHaveAttribute('data-state', 'pending');
    await expect(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' })).not.toHaveAttribute('aria-disabled');
    await expect(await auditCount(loaded, 'phoneNumber.deactivated', 'pn-co-1')).toBe(1);
    await expect(await auditCount(loaded, 'phoneNumber.deactivated', 'pn-co-2')).toBe(1);
  },
};

/** R8 role change for Elena, walked to the end: she keeps sign-in and reports, without a license. */
export const RoleChangeCompleted: Story = {
  args: { userId: 'u-elena', scenario: 'role-change' },
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await loadedSteps(canvasElement, 'Offboarding Elena Torres');
    await expect(within(canvasElement).getByText('Scenario: Role change')).toBeVisible();
    await expect(stepOf(canvasElement, 'deactivate-user')).toHaveAttribute('data-state', 'not-applicable');
    await expect(stepOf(canvasElement, 'deactivate-user')).toHaveTextContent('Not part of this scenario.');

    await chooseReceiver(stepOf(canvasElement, 'reassign-contacts'), 'Carla Méndez');
    await userEvent.click(await findReadyButton(stepOf(canvasElement, 'reassign-contacts'), 'Reassign 20 contacts'));
    await waitFor(() => expect(stepOf(canvasElement, 'reassign-contacts')).toHaveAttribute('data-state', 'done'));

    await chooseReceiver(stepOf(canvasElement, 'transfer-tasks'), 'Carla Méndez');
    await userEvent.click(await findReadyButton(stepOf(canvasElement, 'transfer-tasks'), 'Transfer 2 open tasks'));
    await waitFor(() => expect(stepOf(canvasElement, 'transfer-tasks')).toHaveAttribute('data-state', 'done'));

    await userEvent.click(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate the license of Elena Torres?' });
    // Her contacts and tasks are already with others: only the Sales Brain and the seat remain.
    await expect(within(confirm).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Leaves 1 Sales Brain: Renewals.', '1 paid seat is freed.']);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Deactivate license' }));

    await expect(await within(canvasElement).findByText('Every step is done.')).toBeVisible();
    await expect(await auditCount(loaded, 'contacts.reassigned', 'u-elena')).toBe(1);
    await expect(await auditCount(loaded, 'tasks.transferred', 'u-elena')).toBe(1);
    await expect(await auditCount(loaded, 'license.deactivated', 'u-elena')).toBe(1);
    await expect(await loaded.backend.getAccess('u-elena', loaded.observer)).toMatchObject({ canSignIn: true, commercialFeatures: false, reports: true });
  },
};

export const TeamDownsizingScenario: Story = {
  args: { userId: 'u-ignacio', scenario: 'team-downsizing' },
  play: async ({ canvasElement }) => {
    // Team downsizing is about the license only; Ignacio is Argentina's last (R4).
    await expect(await loadedSteps(canvasElement, 'Offboarding Ignacio Luna')).toEqual([
      ['reassign-contacts', 'not-applicable'],
      ['transfer-tasks', 'not-applicable'],
      ['check-phone-numbers', 'pending'],
      ['deactivate-license', 'blocked'],
      ['deactivate-user', 'not-applicable'],
    ]);
    await expect(within(canvasElement).getByText('Scenario: Team downsizing')).toBeVisible();
    await expect(within(stepOf(canvasElement, 'check-phone-numbers')).getByRole('button', { name: 'Deactivate 1 number' })).toBeVisible();
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' }), AFTER_STEP_3);
  },
};

/** A user who never had a license and owns nothing: steps 1–2 are done, 3–4 do not apply. */
export const NothingToHandOver: Story = {
  args: { userId: 'u-julia' },
  play: async ({ canvasElement }) => {
    await expect(await loadedSteps(canvasElement, 'Offboarding Julia Fernández')).toEqual([
      ['reassign-contacts', 'done'],
      ['transfer-tasks', 'done'],
      ['check-phone-numbers', 'not-applicable'],
      ['deactivate-license', 'not-applicable'],
      ['deactivate-user', 'pending'],
    ]);
    await expect(within(stepOf(canvasElement, 'deactivate-user')).getByRole('button', { name: 'Deactivate user' })).not.toHaveAttribute('aria-disabled');
  },
};

export const SelfGuardR9: Story = {
  name: 'Self guard (R9)',
  args: { userId: 'u-ana' },
  play: async ({ canvasElement }) => {
    await loadedSteps(canvasElement, 'Offboarding Ana García');
    // R9: Ana, signed in, cannot take away her own license or user.
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' }), 'You cannot deactivate yourself.');
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-user')).getByRole('button', { name: 'Deactivate user' }), 'You cannot deactivate yourself.');
  },
};

export const LastAdminGuardR9: Story = {
  name: 'Last admin guard (R9)',
  args: { userId: 'u-ana' },
  parameters: { offboard: { data: singleAdminOrganisation, actorId: 'svc-directory', callerKind: 'service' } },
  play: async ({ canvasElement }) => {
    await loadedSteps(canvasElement, 'Offboarding Ana García');
    // R9: a service identity may take Ana's license, not the last active admin herself.
    await expect(stepOf(canvasElement, 'deactivate-license')).toHaveAttribute('data-state', 'pending');
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-user')).getByRole('button', { name: 'Deactivate user' }), 'The last active admin cannot be deactivated.');
  },
};

/** R9: Carla, a member, reads her own checklist: every step that changes something is refused, with the reason. */
export const MemberActorR9: Story = {
  name: 'Member actor (R9)',
  args: { userId: 'u-carla' },
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    await loadedSteps(canvasElement, 'Offboarding Carla Méndez');
    await expectBlocked(within(stepOf(canvasElement, 'reassign-contacts')).getByRole('button', { name: 'Reassign 25 contacts' }), 'Only an active admin can do this.');
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-license')).getByRole('button', { name: 'Deactivate license' }), 'Only an active admin can do this.');
    await expectBlocked(within(stepOf(canvasElement, 'deactivate-user')).getByRole('button', { name: 'Deactivate user' }), 'Only an active admin can do this.');
  },
};

/** R12: another user's checklist is an admin's to read: a member is told so, and the plan is never asked for. */
export const MemberOnAnotherUserR12: Story = {
  name: 'Member on another user (R12)',
  args: { userId: 'u-elena' },
  parameters: { offboard: { actorId: 'u-carla' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Only an admin can see this.');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await expect(canvasElement.querySelectorAll('[data-part="checklist-step"]')).toHaveLength(0);
  },
};

export const Loading: Story = {
  parameters: LOADING,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading…')).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-part="checklist-step"]')).toHaveLength(0);
  },
};

/**
 * R11 on step 2: the answer is lost after the tasks moved; the step's retry applies it once. Until
 * then the other steps wait, and say so.
 */
export const AdapterErrorAndRetryR11: Story = {
  name: 'Adapter error and retry (R11)',
  tags: ['expected-failed-requests'],
  play: async (context) => {
    const { canvasElement } = context;
    const loaded = loadedOf(context);
    await loadedSteps(canvasElement, 'Offboarding Diego Rojas');
    loaded.faults.set('transferTasks', { kind: 'network-error', when: 'after', times: 1 });
    await chooseReceiver(stepOf(canvasElement, 'reassign-contacts'), 'Óscar Paredes');
    await chooseReceiver(stepOf(canvasElement, 'transfer-tasks'), 'Carla Méndez');
    await userEvent.click(await findReadyButton(stepOf(canvasElement, 'transfer-tasks'), 'Transfer 6 open tasks'));

    const alert = await within(stepOf(canvasElement, 'transfer-tasks')).findByRole('alert');
    await expect(alert).toHaveTextContent(NETWORK_ERROR_MESSAGE);
    await expectBlocked(
      within(stepOf(canvasElement, 'reassign-contacts')).getByRole('button', { name: 'Reassign 40 contacts' }),
      'Step 2 failed: try it again or close its error first.',
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(stepOf(canvasElement, 'transfer-tasks')).toHaveAttribute('data-state', 'done'));
    await findReadyButton(stepOf(canvasElement, 'reassign-contacts'), 'Reassign 40 contacts');
    await expect(await auditCount(loaded, 'tasks.transferred', 'u-diego')).toBe(1);
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    await loadedSteps(canvasElement, 'Baja de Diego Rojas');
    await expect(within(canvasElement).getByText('Escenario: Salida de un empleado')).toBeVisible();
    await expect(stepOf(canvasElement, 'reassign-contacts')).toHaveTextContent('40 contactos siguen perteneciendo a este usuario.');
    await expect(stepOf(canvasElement, 'deactivate-user')).toHaveTextContent('Bloqueado');
    await expect(within(canvasElement).getByRole('button', { name: 'Transferir 6 tareas abiertas' })).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await loadedSteps(canvasElement, 'Offboarding Diego Rojas');
    await expect(themeOf(stepOf(canvasElement, 'reassign-contacts'))).toBe('dark');
    await userEvent.click(within(stepOf(canvasElement, 'check-phone-numbers')).getByRole('button', { name: 'Deactivate 2 numbers' }));
    await expect(themeOf(await screen.findByRole('alertdialog'))).toBe('dark');
  },
};
