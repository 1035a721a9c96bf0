import { DEMO_ACTOR_ID, DEMO_NOW, DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import type { AuditAction, OffboardAdapter, OffboardData, User } from '@offboard/core';
import { createInMemoryBackend, type InMemoryBackend } from '@offboard/core/in-memory';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OffboardingChecklist } from '../src/components/OffboardingChecklist/OffboardingChecklist';
import { ReassignContactsWizard } from '../src/components/ReassignContactsWizard/ReassignContactsWizard';
import { TransferableTasks } from '../src/components/TransferableTasks/TransferableTasks';
import { UserActionsMenu } from '../src/components/UserActionsMenu/UserActionsMenu';
import { UsersScreen } from '../src/components/UsersScreen/UsersScreen';
import { en } from '@offboard/core/i18n';
import { LicenseOpener } from './LicenseOpener';
import { observer, renderWithOffboard } from './renderWithOffboard';

/*
 * R11 in the UI: every step of every component that changes something, under each way a request
 * can break. Runs under React 18 and 19, like every other test here.
 */

type Rendered = ReturnType<typeof renderWithOffboard>;
type Fault = { readonly when: 'before' | 'after'; readonly code: 'NETWORK_ERROR' | 'SERVER_ERROR' };

const FAULTS: readonly Fault[] = [
  { code: 'NETWORK_ERROR', when: 'before' },
  { code: 'NETWORK_ERROR', when: 'after' },
  { code: 'SERVER_ERROR', when: 'before' },
  { code: 'SERVER_ERROR', when: 'after' },
];

/** A flow driven up to its submit control, with what the shared test body needs to check it. */
interface Started {
  readonly view: Rendered;
  /** Where the failure and its retry show. */
  scope(): HTMLElement;
  submit(): Promise<void>;
  /** The path a fault legitimately takes in this flow, when it is more than one notice. */
  failurePath?(): void;
  /** The user's choices are still on screen after the failure. */
  inputKept(): void;
  /** The success state, and that it applied what the user chose. */
  succeeded(): Promise<void>;
}

interface Flow {
  readonly component: string;
  readonly step: string;
  /** The adapter call the submit makes: the one the fault breaks. */
  readonly method: keyof OffboardAdapter;
  /** Each change the submit makes, counted in the audit log: once, whatever the fault. */
  readonly applies: readonly (readonly [AuditAction, string])[];
  start(): Promise<Started>;
}

const MEXICANS = ['u-fernando', 'u-gabriela', 'u-hugo'];
const userOf = (id: string): User => demoOrganisation().users.find((user) => user.id === id)!;
const stepItem = (stepId: string) => document.querySelector<HTMLElement>(`[data-part="checklist-step"][data-step="${stepId}"]`)!;
const announced = (text: string) => expect.poll(() => screen.getByRole('status').textContent).toBe(text);
const owned = async (backend: InMemoryBackend, ownerId: string) => (await backend.listContacts({ ownerId, limit: 1 }, observer)).total;

/**
 * The demo organisation after changes made through a backend of its own, so the starting state
 * is one the rules allowed, audit entries included, rather than a hand-edited copy.
 */
async function demoAfter(change: (backend: InMemoryBackend) => Promise<unknown>): Promise<OffboardData> {
  const backend = createInMemoryBackend({ data: demoOrganisation(), clock: () => new Date(DEMO_NOW) });
  await change(backend);
  return backend.snapshot();
}
const withoutColombianNumbers = () =>
  demoAfter(async (backend) => {
    for (const id of ['pn-co-1', 'pn-co-2']) await backend.deactivatePhoneNumber(id, { organisationId: DEMO_ORGANISATION_ID, actorId: DEMO_ACTOR_ID });
  });

async function openLicense(userId: string) {
  const view = renderWithOffboard(<LicenseOpener user={userOf(userId)} />);
  await view.user.click(screen.getByRole('button', { name: 'Open license' }));
  return { view, dialog: await screen.findByRole('dialog', { name: 'Manage license' }) };
}

interface LifecycleFlow {
  step: string;
  userId: string;
  /** The item or button that starts the action, and confirms it. */
  action: string;
  title: string;
  /** Text of the confirmation that must survive the failure. */
  kept: string;
  method: 'deactivateUser' | 'reactivateUser' | 'deactivateLicense' | 'assignLicense';
  audit: AuditAction;
  done: string;
}

/** The menu's lifecycle actions: an item, then a confirmation in its own dialog. */
function menuFlow({ step, userId, action, title, kept, method, audit, done }: LifecycleFlow): Flow {
  return {
    component: 'UserActionsMenu',
    step,
    method,
    applies: [[audit, userId]],
    async start() {
      const subject = userOf(userId);
      const view = renderWithOffboard(<UserActionsMenu user={subject} />);
      await view.user.click(screen.getByRole('button', { name: `Actions for ${subject.name}` }));
      await view.user.click(await screen.findByRole('menuitem', { name: action }));
      const dialog = await screen.findByRole(method === 'deactivateUser' ? 'alertdialog' : 'dialog', { name: title });
      return {
        view,
        scope: () => dialog,
        submit: () => view.user.click(within(dialog).getByRole('button', { name: action })),
        inputKept: () => expect(dialog).toHaveTextContent(kept),
        async succeeded() {
          await announced(done);
          expect(dialog).not.toBeInTheDocument();
        },
      };
    },
  };
}

/** The license dialog's actions: a button, then a confirmation in the dialog's own region. */
function licenseFlow({ step, userId, action, title, kept, method, audit, done, choose, outcome }: LifecycleFlow & {
  choose?: (view: Rendered, dialog: HTMLElement) => Promise<void>;
  outcome?: (backend: InMemoryBackend) => Promise<void>;
}): Flow {
  return {
    component: 'ManageLicenseDialog',
    step,
    method,
    applies: [[audit, userId]],
    async start() {
      const { view, dialog } = await openLicense(userId);
      await within(dialog).findByRole('button', { name: action });
      await choose?.(view, dialog);
      await view.user.click(within(dialog).getByRole('button', { name: action }));
      const region = within(dialog).getByRole('region', { name: title });
      return {
        view,
        scope: () => region,
        submit: () => view.user.click(within(region).getByRole('button', { name: action })),
        inputKept: () => expect(region).toHaveTextContent(kept),
        async succeeded() {
          await announced(done);
          await outcome?.(view.backend);
        },
      };
    },
  };
}

/** One R8 step of Diego's checklist: its button, a salesperson (steps 1–2) or a confirmation (3–5). */
function checklistFlow({ step, stepId, button, method, applies, data, confirm, kept, outcome }: {
  step: string;
  stepId: string;
  button: string;
  method: keyof OffboardAdapter;
  applies: Flow['applies'];
  data?: () => Promise<OffboardData>;
  confirm?: string;
  kept(): void;
  outcome?: (backend: InMemoryBackend) => Promise<void>;
}): Flow {
  return {
    component: 'OffboardingChecklist',
    step,
    method,
    applies,
    async start() {
      const view = renderWithOffboard(<OffboardingChecklist userId="u-diego" />, data ? { data: await data() } : {});
      await screen.findByRole('heading', { name: 'Offboarding Diego Rojas' });
      if (!confirm) {
        const item = within(stepItem(stepId));
        await item.findByRole('option', { name: 'Óscar Paredes' });
        await view.user.selectOptions(item.getByRole('combobox', { name: 'Receiving salesperson' }), 'Óscar Paredes');
      }
      return {
        view,
        scope: () => stepItem(stepId),
        async submit() {
          await view.user.click(within(stepItem(stepId)).getByRole('button', { name: button }));
          if (!confirm) return;
          await view.user.click(within(await screen.findByRole('alertdialog', { name: confirm })).getByRole('button', { name: button }));
        },
        inputKept: kept,
        async succeeded() {
          await expect.poll(() => stepItem(stepId).getAttribute('data-state')).toBe('done');
          await outcome?.(view.backend);
        },
      };
    },
  };
}

/** Steps 1–2 keep the salesperson chosen, and the retry hands over to that one. */
const receiverKept = (stepId: string) => () =>
  expect(within(stepItem(stepId)).getByRole('combobox', { name: 'Receiving salesperson' })).toHaveDisplayValue('Óscar Paredes');
/** Steps 3–5 are plain confirmations: what stays is the step, still to do. */
const stillPending = (stepId: string) => () => expect(stepItem(stepId)).toHaveAttribute('data-state', 'pending');

const FLOWS: readonly Flow[] = [
  menuFlow({
    step: 'deactivate user',
    userId: 'u-carla',
    action: 'Deactivate user',
    title: 'Deactivate Carla Méndez?',
    kept: '25 contacts stay with Carla Méndez and become orphaned.',
    method: 'deactivateUser',
    audit: 'user.deactivated',
    done: 'Carla Méndez was deactivated.',
  }),
  menuFlow({
    step: 'activate user',
    userId: 'u-karla',
    action: 'Activate user',
    title: 'Activate Karla Jiménez?',
    kept: 'Karla Jiménez can sign in again and appears in active lists.',
    method: 'reactivateUser',
    audit: 'user.reactivated',
    done: 'Karla Jiménez was activated.',
  }),
  licenseFlow({
    step: 'deactivate license',
    userId: 'u-carla',
    action: 'Deactivate license',
    title: 'Deactivate the license of Carla Méndez?',
    kept: '25 contacts stay with Carla Méndez and become orphaned.',
    method: 'deactivateLicense',
    audit: 'license.deactivated',
    done: 'The license of Carla Méndez was deactivated.',
  }),
  licenseFlow({
    step: 'assign license',
    userId: 'u-julia',
    action: 'Assign license',
    title: 'Assign a license to Julia Fernández?',
    // Argentina comes first in the list: Spain is the user's own choice.
    choose: (view, dialog) => view.user.selectOptions(within(dialog).getByRole('combobox', { name: 'License country' }), 'ES'),
    kept: 'A salesperson license in Spain.',
    method: 'assignLicense',
    audit: 'license.assigned',
    done: 'Julia Fernández now has a license in Spain.',
    outcome: async (backend) => expect((await backend.getUser('u-julia', observer)).license).toEqual({ country: 'ES', status: 'active' }),
  }),
  {
    component: 'ManageLicenseDialog',
    step: "deactivate numbers (R4's way out)",
    method: 'deactivatePhoneNumber',
    applies: [['phoneNumber.deactivated', 'pn-ar-1']],
    async start() {
      const { view, dialog } = await openLicense('u-ignacio');
      await view.user.click(await within(dialog).findByRole('button', { name: 'Deactivate 1 number' }));
      const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate 1 phone number in Argentina?' });
      return {
        view,
        scope: () => confirm,
        submit: () => view.user.click(within(confirm).getByRole('button', { name: 'Deactivate 1 number' })),
        inputKept: () => expect(within(confirm).getByRole('listitem')).toHaveTextContent('+54 114 321 6789'),
        succeeded: () => announced('1 phone number was deactivated.'),
      };
    },
  },
  {
    component: 'ReassignContactsWizard',
    step: 'submit',
    method: 'reassignContacts',
    applies: [['contacts.reassigned', 'u-marta']],
    async start() {
      const view = renderWithOffboard(<ReassignContactsWizard ownerId="u-marta" />);
      await view.user.click(await screen.findByRole('button', { name: 'Select all 9 contacts' }));
      await view.user.click(screen.getByRole('button', { name: 'Next' }));
      await view.user.click(screen.getByRole('radio', { name: 'Split evenly among several' }));
      await view.user.click(screen.getByRole('checkbox', { name: /^Carla Méndez/ }));
      await view.user.click(screen.getByRole('checkbox', { name: /^Elena Torres/ }));
      await view.user.click(screen.getByRole('button', { name: 'Next' }));
      const wizard = screen.getByRole('region', { name: 'Reassign contacts of Marta Castillo' });
      return {
        view,
        scope: () => wizard,
        submit: () => view.user.click(within(wizard).getByRole('button', { name: 'Reassign contacts' })),
        inputKept() {
          expect(within(wizard).getByText('Move 9 contacts from Marta Castillo to:')).toBeInTheDocument();
          expect(within(wizard).getByText('Carla Méndez: receives 5 contacts')).toBeInTheDocument();
          expect(within(wizard).getByText('Elena Torres: receives 4 contacts')).toBeInTheDocument();
        },
        async succeeded() {
          expect(await within(wizard).findByText('9 contacts were reassigned.', { selector: 'p' })).toBeInTheDocument();
          expect([await owned(view.backend, 'u-marta'), await owned(view.backend, 'u-carla'), await owned(view.backend, 'u-elena')]).toEqual([0, 25 + 5, 20 + 4]);
        },
      };
    },
  },
  checklistFlow({
    step: 'step 1 reassign contacts',
    stepId: 'reassign-contacts',
    button: 'Reassign 40 contacts',
    method: 'reassignContacts',
    applies: [['contacts.reassigned', 'u-diego']],
    kept: receiverKept('reassign-contacts'),
    outcome: async (backend) => expect(await owned(backend, 'u-oscar')).toBe(12 + 40),
  }),
  checklistFlow({
    step: 'step 2 transfer tasks',
    stepId: 'transfer-tasks',
    button: 'Transfer 6 open tasks',
    method: 'transferTasks',
    applies: [['tasks.transferred', 'u-diego']],
    kept: receiverKept('transfer-tasks'),
    outcome: async (backend) => expect((await backend.listTasks({ assigneeId: 'u-oscar', state: 'created' }, observer)).total).toBe(2 + 6),
  }),
  checklistFlow({
    step: 'step 3 deactivate numbers',
    stepId: 'check-phone-numbers',
    button: 'Deactivate 2 numbers',
    confirm: 'Deactivate 2 phone numbers in Colombia?',
    method: 'deactivatePhoneNumber',
    applies: [
      ['phoneNumber.deactivated', 'pn-co-1'],
      ['phoneNumber.deactivated', 'pn-co-2'],
    ],
    kept: () => expect(within(stepItem('check-phone-numbers')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['+57 601 234 5678', '+57 604 567 8901']),
  }),
  checklistFlow({
    step: 'step 4 deactivate license',
    stepId: 'deactivate-license',
    button: 'Deactivate license',
    confirm: 'Deactivate the license of Diego Rojas?',
    data: withoutColombianNumbers,
    method: 'deactivateLicense',
    applies: [['license.deactivated', 'u-diego']],
    kept: stillPending('deactivate-license'),
  }),
  checklistFlow({
    step: 'step 5 deactivate user',
    stepId: 'deactivate-user',
    button: 'Deactivate user',
    confirm: 'Deactivate Diego Rojas?',
    data: withoutColombianNumbers,
    method: 'deactivateUser',
    applies: [['user.deactivated', 'u-diego']],
    kept: stillPending('deactivate-user'),
  }),
  {
    component: 'TransferableTasks',
    step: 'take a task',
    method: 'takeTask',
    applies: [['task.taken', 't-047']],
    async start() {
      const view = renderWithOffboard(<TransferableTasks />, { actorId: 'u-carla' });
      const [first] = await screen.findAllByRole('listitem');
      expect(first).toHaveAttribute('data-task-id', 't-047');
      const title = first!.querySelector('[data-part="task-title"]')!.textContent!;
      const row = () => document.querySelector<HTMLElement>('[data-task-id="t-047"]')!;
      return {
        view,
        scope: row,
        submit: () => view.user.click(within(row()).getByRole('button', { name: `Take task: ${title}` })),
        inputKept: () => expect(row()).toHaveTextContent(title),
        succeeded: () => announced(`“${title}” is now yours.`),
      };
    },
  },
  {
    component: 'UsersScreen',
    step: 'team downsizing',
    method: 'deactivateLicense',
    applies: MEXICANS.map((userId) => ['license.deactivated', userId] as const),
    async start() {
      const view = renderWithOffboard(<UsersScreen />);
      for (const name of ['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas']) await view.user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));
      await view.user.click(screen.getByRole('button', { name: 'Deactivate 3 licenses' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Deactivate licenses' });
      await within(dialog).findByText('3 of 3 licenses can be deactivated.');
      const entry = (userId: string) => dialog.querySelector(`[data-part="downsizing-entry"][data-user-id="${userId}"]`);
      const states = () => MEXICANS.map((userId) => entry(userId)?.getAttribute('data-state'));
      return {
        view,
        scope: () => dialog,
        submit: () => view.user.click(within(dialog).getByRole('button', { name: 'Deactivate 3 licenses' })),
        // One license at a time, each on its own: only the first request broke, the others went through.
        failurePath() {
          expect(states()).toEqual(['failed', 'done', 'done']);
          expect(entry('u-fernando')).toHaveTextContent('Not confirmed: try again');
        },
        inputKept: () => expect(MEXICANS.map((userId) => entry(userId)?.querySelector('[data-part="downsizing-name"]')?.textContent)).toEqual(['Fernando Ruiz', 'Gabriela Soto', 'Hugo Vargas']),
        succeeded: () => expect.poll(states).toEqual(['done', 'done', 'done']),
      };
    },
  },
];

const ERROR_WORDS: Record<Fault['code'], string> = { NETWORK_ERROR: en['errors.NETWORK_ERROR'], SERVER_ERROR: en['errors.SERVER_ERROR'] };

/** Nothing on screen still says it is working: the failure ended the request. */
function expectSettled(scope: HTMLElement) {
  expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
  expect(screen.queryByText(en['common.working'])).not.toBeInTheDocument();
  const retry = within(scope).getByRole('button', { name: en['common.retry'] });
  expect(retry).toBeEnabled();
  expect(retry).not.toHaveAttribute('aria-disabled');
}

const CASES = FLOWS.flatMap((flow) => FAULTS.map((fault) => ({ flow, fault, name: `${flow.component} ${flow.step} under ${fault.code} ${fault.when}` })));

describe('Faults at every step that changes something', () => {
  for (const { flow, fault, name } of CASES) {
    it(`R11: ${name}: the failure shows in words, the input stays, and the retry applies it exactly once`, async () => {
      const started = await flow.start();
      const { adapter, auditCount } = started.view;
      const applied = () => Promise.all(flow.applies.map(([action, targetId]) => auditCount(action, targetId)));

      adapter.failNext(flow.method, fault);
      await started.submit();
      expect(await within(started.scope()).findByRole('alert')).toHaveTextContent(ERROR_WORDS[fault.code]);
      started.failurePath?.();
      expectSettled(started.scope());
      started.inputKept();
      // The fault struck where it was aimed: `after` let the first change through, `before` did not.
      expect((await applied())[0]).toBe(fault.when === 'after' ? 1 : 0);

      await started.view.user.click(within(started.scope()).getByRole('button', { name: en['common.retry'] }));
      await started.succeeded();
      expect(await applied()).toEqual(flow.applies.map(() => 1));
    });
  }
});
