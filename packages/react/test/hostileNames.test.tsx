import { demoOrganisation } from '@offboard/core/fixtures';
import type { OffboardData } from '@offboard/core';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OffboardingChecklist } from '../src/components/OffboardingChecklist/OffboardingChecklist';
import { ReassignContactsWizard } from '../src/components/ReassignContactsWizard/ReassignContactsWizard';
import { TransferableTasks } from '../src/components/TransferableTasks/TransferableTasks';
import { UserActionsMenu } from '../src/components/UserActionsMenu/UserActionsMenu';
import { UsersScreen } from '../src/components/UsersScreen/UsersScreen';
import { renderWithOffboard } from './renderWithOffboard';

/**
 * Names come from whoever typed them into the host's CRM. Besides markup, they carry a
 * right-to-left override, and Unicode with no control characters at all that still trips naive
 * code: combining marks, a ZWJ emoji, Arabic, and the tokens of placeholders and `String.replace`.
 */
const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>window.__pwned=1</script>',
  markup: '"><b>bold</b>',
  bidi: 'Karla \u202Egnp.exe\u202C',
  unicode: 'Zoë Z̤͔ͧ محمد 👩🏽‍💻 {name} $& $1',
};
const ALL = Object.values(PAYLOADS);

const USER_NAMES: Record<string, string> = {
  'u-diego': PAYLOADS.img,
  'u-carla': PAYLOADS.script,
  'u-elena': PAYLOADS.markup,
  'u-karla': PAYLOADS.bidi,
  'u-oscar': PAYLOADS.unicode,
};
const brainName = (payload: string) => `${payload} playbook`;
const contactName = (payload: string) => `${payload} (Acme)`;
const taskTitle = (payload: string) => `Call ${payload} back`;

/** The demo organisation with hostile names on users, Sales Brains, Diego's first contacts and the tasks waiting for a taker. */
function hostileOrganisation(): OffboardData {
  const data = demoOrganisation();
  const diegoContacts = data.contacts.filter((contact) => contact.ownerId === 'u-diego').slice(0, ALL.length);
  const waiting = data.tasks.filter((task) => task.transferable);
  return {
    ...data,
    users: data.users.map((user) => ({ ...user, name: USER_NAMES[user.id] ?? user.name })),
    salesBrains: data.salesBrains.map((brain, i) => ({ ...brain, name: brainName(ALL[i % ALL.length]!) })),
    contacts: data.contacts.map((contact) => {
      const i = diegoContacts.indexOf(contact);
      return i < 0 ? contact : { ...contact, name: contactName(ALL[i]!) };
    }),
    tasks: data.tasks.map((task) => {
      const i = waiting.indexOf(task);
      return i < 0 ? task : { ...task, title: taskTitle(ALL[i]!) };
    }),
  };
}

interface Surface {
  readonly name: string;
  /** Renders the surface over the hostile organisation and brings the names on screen. */
  show(): Promise<void>;
  /** Strings that must appear verbatim. */
  readonly expected: readonly string[];
}

const SURFACES: readonly Surface[] = [
  {
    name: 'UsersScreen: the table and the orphaned-contacts notice',
    async show() {
      renderWithOffboard(<UsersScreen />, { data: hostileOrganisation() });
      await screen.findByRole('button', { name: `Actions for ${PAYLOADS.img}` });
      await screen.findByRole('region', { name: 'Orphaned contacts' });
    },
    expected: [PAYLOADS.img, PAYLOADS.script, PAYLOADS.markup, PAYLOADS.unicode, `${PAYLOADS.bidi}: 10 contacts`],
  },
  {
    name: "UserActionsMenu: the confirmation's effects",
    async show() {
      const carla = hostileOrganisation().users.find((user) => user.id === 'u-carla')!;
      const { user } = renderWithOffboard(<UserActionsMenu user={carla} />, { data: hostileOrganisation() });
      await user.click(screen.getByRole('button', { name: `Actions for ${PAYLOADS.script}` }));
      await user.click(await screen.findByRole('menuitem', { name: 'Deactivate user' }));
      await screen.findByRole('alertdialog', { name: `Deactivate ${PAYLOADS.script}?` });
    },
    expected: [
      `25 contacts stay with ${PAYLOADS.script} and become orphaned.`,
      `Leaves 1 Sales Brain: ${brainName(PAYLOADS.img)}.`,
      `${PAYLOADS.script} can no longer sign in.`,
    ],
  },
  {
    name: "ReassignContactsWizard: the contact list and the owner's name",
    async show() {
      renderWithOffboard(<ReassignContactsWizard ownerId="u-diego" />, { data: hostileOrganisation() });
      const list = await screen.findByRole('listbox', { name: `Contacts of ${PAYLOADS.img}` });
      await within(list).findAllByRole('option');
    },
    expected: [`Reassign contacts of ${PAYLOADS.img}`, ...ALL.map(contactName)],
  },
  {
    name: 'TransferableTasks: titles and previous assignees',
    async show() {
      renderWithOffboard(<TransferableTasks />, { data: hostileOrganisation() });
      await screen.findAllByText(`Was assigned to ${PAYLOADS.bidi}`);
    },
    expected: [...ALL.map(taskTitle), `Was assigned to ${PAYLOADS.bidi}`],
  },
  {
    name: 'OffboardingChecklist: the title and the receiving salespeople',
    async show() {
      renderWithOffboard(<OffboardingChecklist userId="u-diego" />, { data: hostileOrganisation() });
      await screen.findByRole('heading', { name: `Offboarding ${PAYLOADS.img}` });
      await screen.findAllByRole('option', { name: PAYLOADS.unicode });
    },
    expected: [`Offboarding ${PAYLOADS.img}`, PAYLOADS.script, PAYLOADS.markup, PAYLOADS.unicode],
  },
];

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

afterEach(() => {
  delete window.__pwned;
});

describe('Hostile names render as text', () => {
  for (const { name, show, expected } of SURFACES) {
    it(`${name}: the names appear verbatim and create no elements`, async () => {
      await show();
      const text = document.body.textContent ?? '';
      for (const string of expected) expect(text).toContain(string);
      expect(document.body.querySelectorAll('img, script, b')).toHaveLength(0);
      expect(window.__pwned).toBeUndefined();
    });
  }
});
