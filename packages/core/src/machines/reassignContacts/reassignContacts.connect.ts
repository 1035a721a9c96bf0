import type { ReassignContactsResult } from '../../adapter/OffboardAdapter';
import type { User } from '../../domain/types';
import type { Explainable } from '../../i18n/createTranslator';
import { text, type Text } from '../../i18n/text';
import { confirmationView, type ConfirmationView } from '../confirmation';
import { controlView, partAttributes, startView, type ControlView, type PartAttributes, type StartView } from '../connect';
import { isContactSelected, reassignPreview, selectedCount } from './reassignContacts.machine';
import type { ReassignContactsContext, ReassignContactsEvent } from './reassignContacts.types';

export const WIZARD_STEPS = ['contacts', 'targets', 'review', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type ReassignPhase = 'loading' | 'loadFailed' | 'refused' | WizardStep;

export interface ReassignContactsSnapshot {
  readonly context: ReassignContactsContext;
  readonly value: unknown;
  can(event: ReassignContactsEvent): boolean;
}

/** A salesperson who may receive contacts (R5), and what they receive once chosen. */
export interface TargetView {
  readonly user: User;
  readonly chosen: boolean;
  /** "receives 20 contacts" once chosen. */
  readonly share: Text | null;
  readonly attributes: PartAttributes;
}

/** How many contacts go to whom, named. */
export interface ShareView {
  readonly userId: string;
  readonly name: string;
  readonly receives: Text;
}

export interface ReassignContactsView extends StartView {
  readonly phase: ReassignPhase;
  /** "Reassign contacts of Diego Rojas" once the owner is known. */
  readonly title: Text;
  readonly owner: User | null;
  /** The four steps, with where the wizard is; `null` before the first. */
  readonly progress: {
    readonly label: Text;
    readonly stepLabel: Text;
    readonly steps: readonly { readonly id: WizardStep; readonly label: Text; readonly current: boolean; readonly attributes: PartAttributes }[];
  } | null;
  readonly contacts: {
    readonly ownerContacts: number;
    readonly selected: Text;
    isSelected(contactId: string): boolean;
    toggle(contactId: string): void;
    /** Every contact of the owner: stores nothing per contact, however many. */
    readonly selectAll: { readonly label: Text; press(): void };
    /** The contacts a search shows. */
    selectShown(contactIds: readonly string[]): void;
    readonly clear: { readonly label: Text; press(): void };
    readonly next: ControlView;
  } | null;
  readonly targets: {
    readonly candidates: readonly TargetView[];
    /** No salesperson could receive them (R5). */
    readonly noneReason: Explainable | null;
    /** Chooses only this salesperson. */
    only(userId: string): void;
    /** Adds or removes a salesperson to split among. */
    toggle(userId: string): void;
    /** Back to one salesperson: keeps the first chosen. */
    keepFirst(): void;
    readonly next: ControlView;
    back(): void;
  } | null;
  readonly review: {
    readonly summary: Text;
    /** The split the backend will make (`splitEvenly`), one share per chosen salesperson in order. */
    readonly shares: readonly ShareView[];
    readonly confirmation: ConfirmationView;
  } | null;
  readonly result: {
    readonly summary: Text;
    readonly moved: readonly ShareView[];
    /** When the audit log recorded it. */
    readonly recordedAt: string;
    restart(): void;
  } | null;
}

const STEP_OF_STATE: Record<string, WizardStep> = {
  choosingContacts: 'contacts',
  choosingTargets: 'targets',
  reviewing: 'review',
  submitting: 'review',
  failed: 'review',
  done: 'result',
};

function phaseOf(snapshot: ReassignContactsSnapshot): ReassignPhase {
  const state = String(snapshot.value);
  if (state === 'refused' || state === 'loadFailed') return state;
  return STEP_OF_STATE[state] ?? 'loading';
}

const nameIn = (people: readonly User[]) => (userId: string) => people.find((person) => person.id === userId)?.name ?? userId;
const receives = (count: number) => text('wizard.receives', { count });

function resultOf(result: ReassignContactsResult, candidates: readonly User[], send: (event: ReassignContactsEvent) => void): NonNullable<ReassignContactsView['result']> {
  const nameOf = nameIn(candidates);
  return {
    summary: text('done.contacts.reassigned', { count: result.total }),
    moved: result.moved.map(({ userId, contacts }) => ({ userId, name: nameOf(userId), receives: text('wizard.received', { count: contacts }) })),
    recordedAt: result.audit.at,
    restart: () => send({ type: 'RESTART' }),
  };
}

/**
 * The R5 wizard as a view: which of its four steps shows, the selection and its count, the
 * salespeople offered (only the core's candidates) with each one's share, the review with the
 * split the backend will make, and the result. Next stays focusable while a step is incomplete
 * and says what it lacks. A caller without an admin's standing (R9) is refused in the first state.
 */
export function connectReassignContacts(snapshot: ReassignContactsSnapshot, send: (event: ReassignContactsEvent) => void): ReassignContactsView {
  const { context } = snapshot;
  const phase = phaseOf(snapshot);
  const error = context.error;
  const step = (WIZARD_STEPS as readonly string[]).includes(phase) ? (phase as WizardStep) : null;
  const number = step ? WIZARD_STEPS.indexOf(step) + 1 : 0;
  const count = selectedCount(context.selection, context.ownerContacts);
  const preview = reassignPreview(context);
  const nameOf = nameIn(context.candidates);
  const shareOf = (userId: string) => preview.find((share) => share.userId === userId)?.contacts ?? 0;
  const canContinue = snapshot.can({ type: 'NEXT' });
  const ownerName = context.owner?.name ?? '';

  return {
    phase,
    title: context.owner ? text('wizard.title', { name: context.owner.name }) : text('users.reassignTitle'),
    owner: context.owner,
    // R9: only an admin reassigns, judged before anything was read.
    ...startView(context, phase === 'loadFailed', send),
    progress: step
      ? {
          label: text('wizard.progress', { current: number, total: WIZARD_STEPS.length }),
          stepLabel: text(`wizard.step.${step}`),
          steps: WIZARD_STEPS.map((id, index) => ({
            id,
            label: text(`wizard.step.${id}`),
            current: id === step,
            attributes: partAttributes('wizard-progress-step', index + 1 < number ? 'done' : id === step ? 'current' : 'upcoming'),
          })),
        }
      : null,
    contacts:
      step === 'contacts'
        ? {
            ownerContacts: context.ownerContacts,
            selected: text('wizard.selected', { selected: count, count: context.ownerContacts }),
            isSelected: (contactId) => isContactSelected(context.selection, contactId),
            toggle: (contactId) => send({ type: 'TOGGLE_CONTACT', contactId }),
            selectAll: { label: text('wizard.selectAll', { count: context.ownerContacts }), press: () => send({ type: 'SELECT_ALL' }) },
            selectShown: (contactIds) => send({ type: 'SELECT_CONTACTS', contactIds }),
            clear: { label: text('wizard.clear'), press: () => send({ type: 'CLEAR' }) },
            next: controlView('next', text('common.next'), () => send({ type: 'NEXT' }), { held: canContinue ? null : text('wizard.hold.contacts') }),
          }
        : null,
    targets:
      step === 'targets'
        ? {
            candidates: context.candidates.map((user) => {
              const chosen = context.targets.includes(user.id);
              return { user, chosen, share: chosen ? receives(shareOf(user.id)) : null, attributes: partAttributes('target', chosen ? 'chosen' : 'unchosen') };
            }),
            noneReason: context.candidates.length === 0 ? { code: 'NO_ELIGIBLE_TARGET', details: {} } : null,
            only: (userId) => send({ type: 'SET_TARGETS', userIds: [userId] }),
            toggle: (userId) => send({ type: 'TOGGLE_TARGET', userId }),
            keepFirst: () => send({ type: 'SET_TARGETS', userIds: context.targets.slice(0, 1) }),
            next: controlView('next', text('common.next'), () => send({ type: 'NEXT' }), { held: canContinue ? null : text('wizard.hold.targets') }),
            back: () => send({ type: 'BACK' }),
          }
        : null,
    review:
      step === 'review'
        ? {
            summary: text('wizard.review', { count, name: ownerName }),
            shares: preview.map(({ userId, contacts }) => ({ userId, name: nameOf(userId), receives: receives(contacts) })),
            confirmation: confirmationView(
              { title: text('wizard.step.review'), description: text('wizard.review', { count, name: ownerName }), confirmLabel: text('wizard.submit'), tone: 'default', effects: null },
              {
                busy: String(snapshot.value) === 'submitting',
                error: String(snapshot.value) === 'failed' ? error : null,
                confirm: () => send({ type: 'SUBMIT' }),
                retry: () => send({ type: 'RETRY' }),
                cancel: () => send({ type: 'BACK' }),
                cancelLabel: text('common.back'),
              },
            ),
          }
        : null,
    result: step === 'result' && context.result ? resultOf(context.result, context.candidates, send) : null,
  };
}
