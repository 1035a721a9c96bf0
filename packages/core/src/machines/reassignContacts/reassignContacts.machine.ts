import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, ReassignContactsInput, ReassignContactsResult } from '../../adapter/OffboardAdapter';
import type { User } from '../../domain/types';
import { readAllPages } from '../../adapter/readAllPages';
import { fingerprint } from '../../contract/fingerprint';
import { targetRefusalOf } from '../../rules/guards';
import { splitEvenly } from '../../rules/splitEvenly';
import { callerContext, callerGateStates, errorOf, isRefused, isRetryable, loadCaller, type CallerPatch } from '../shared';
import type {
  ContactSelection,
  ReassignContactsContext,
  ReassignContactsEmitted,
  ReassignContactsEvent,
  ReassignContactsMachineInput,
} from './reassignContacts.types';

export function selectedCount(selection: ContactSelection, ownerContacts: number): number {
  return selection.mode === 'all' ? Math.max(0, ownerContacts - selection.except.length) : selection.ids.length;
}

export function isContactSelected(selection: ContactSelection, contactId: string): boolean {
  return selection.mode === 'all' ? !selection.except.includes(contactId) : selection.ids.includes(contactId);
}

/** What the review step shows: contacts per chosen salesperson, dealt as the backend deals them. */
export function reassignPreview(context: Pick<ReassignContactsContext, 'selection' | 'ownerContacts' | 'targets'>): { userId: string; contacts: number }[] {
  return splitEvenly(selectedCount(context.selection, context.ownerContacts), context.targets);
}

export function toReassignRequest(context: Pick<ReassignContactsContext, 'fromOwnerId' | 'selection' | 'targets'>): ReassignContactsInput {
  const { fromOwnerId, selection, targets } = context;
  return selection.mode === 'all'
    ? { fromOwnerId, toUserIds: targets, ...(selection.except.length ? { exceptContactIds: selection.except } : {}) }
    : { fromOwnerId, toUserIds: targets, contactIds: selection.ids };
}

/** The request to send, under the key of the previous attempt when the choices did not change. */
function submission(context: ReassignContactsContext): NonNullable<ReassignContactsContext['pending']> {
  const request = toReassignRequest(context);
  const previous = context.pending;
  const unchanged = previous !== null && fingerprint(previous.request) === fingerprint(request);
  return { request, idempotencyKey: unchanged ? previous.idempotencyKey : context.createKey() };
}

const toggle = (ids: readonly string[], id: string) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);

/** R5: the salespeople who may receive an owner's contacts or tasks, judged by the core's own guard. */
export function reassignCandidates(salespeople: readonly User[], ownerId: string): User[] {
  return salespeople.filter((user) => targetRefusalOf(user, user.id, ownerId) === null);
}

interface OwnerAndCandidates {
  readonly owner: User;
  readonly ownerContacts: number;
  readonly candidates: User[];
}

async function loadOwnerAndCandidates(adapter: OffboardAdapter, caller: Caller, fromOwnerId: string): Promise<OwnerAndCandidates> {
  const [owner, contacts, salespeople] = await Promise.all([
    adapter.getUser(fromOwnerId, caller),
    adapter.listContacts({ ownerId: fromOwnerId, limit: 1 }, caller),
    loadSalespeople(adapter, caller),
  ]);
  return { owner, ownerContacts: contacts.total, candidates: reassignCandidates(salespeople, fromOwnerId) };
}

/** Every salesperson: the list the targets are chosen from. */
export function loadSalespeople(adapter: OffboardAdapter, caller: Caller): Promise<User[]> {
  return readAllPages((cursor) => adapter.listUsers({ status: 'active', licensed: true, limit: 500, cursor }, caller));
}

/**
 * Reassign contacts (R5): choose contacts → choose one salesperson or several to split among →
 * review → submit → result. A failure keeps every choice; its retry resends the same request with
 * the same key, so a reassignment is never applied twice.
 */
export const reassignContactsMachine = setup({
  types: {} as {
    context: ReassignContactsContext;
    input: ReassignContactsMachineInput;
    events: ReassignContactsEvent;
    emitted: ReassignContactsEmitted;
  },
  actors: {
    loadCaller,
    load: fromPromise<OwnerAndCandidates, { adapter: OffboardAdapter; caller: Caller; fromOwnerId: string }>(({ input }) =>
      loadOwnerAndCandidates(input.adapter, input.caller, input.fromOwnerId),
    ),
    reassign: fromPromise<
      ReassignContactsResult,
      { adapter: OffboardAdapter; caller: Caller; pending: NonNullable<ReassignContactsContext['pending']> }
    >(({ input }) => input.adapter.reassignContacts(input.pending.request, { ...input.caller, idempotencyKey: input.pending.idempotencyKey })),
  },
  guards: {
    hasSelection: ({ context }) => selectedCount(context.selection, context.ownerContacts) > 0,
    hasTarget: ({ context }) => context.targets.length > 0,
    /** R5: only salespeople other than the owner are offered. */
    isCandidate: ({ context }, params: { userIds: readonly string[] }) =>
      params.userIds.every((id) => context.candidates.some((candidate) => candidate.id === id)),
    isRetryable,
    isRefused,
  },
  actions: {
    patchCaller: assign((_, patch: CallerPatch) => patch),
  },
}).createMachine({
  id: 'reassignContacts',
  context: ({ input }) => ({
    // R9: only an admin (or a service) reassigns; anyone else is refused before reading a contact.
    ...callerContext(input, { standing: 'admin' }),
    fromOwnerId: input.fromOwnerId,
    owner: null,
    ownerContacts: 0,
    candidates: [],
    selection: { mode: 'some', ids: input.contactIds ?? [] },
    targets: [],
    pending: null,
    result: null,
  }),
  initial: 'checking',
  states: {
    ...callerGateStates('loading'),
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ adapter: context.adapter, caller: context.caller, fromOwnerId: context.fromOwnerId }),
        onDone: {
          target: 'choosingContacts',
          actions: assign(({ event }) => ({ ...event.output, error: null })),
        },
        onError: { target: 'loadFailed', actions: assign({ error: errorOf }) },
      },
    },
    choosingContacts: {
      on: {
        SELECT_ALL: { actions: assign({ selection: { mode: 'all', except: [] } }) },
        CLEAR: { actions: assign({ selection: { mode: 'some', ids: [] } }) },
        TOGGLE_CONTACT: {
          actions: assign({
            selection: ({ context: { selection }, event }) =>
              selection.mode === 'all'
                ? { mode: 'all', except: toggle(selection.except, event.contactId) }
                : { mode: 'some', ids: toggle(selection.ids, event.contactId) },
          }),
        },
        SELECT_CONTACTS: {
          actions: assign({
            selection: ({ context: { selection }, event }) =>
              selection.mode === 'all'
                ? { mode: 'all', except: selection.except.filter((id) => !event.contactIds.includes(id)) }
                : { mode: 'some', ids: [...new Set([...selection.ids, ...event.contactIds])] },
          }),
        },
        NEXT: { guard: 'hasSelection', target: 'choosingTargets' },
      },
    },
    choosingTargets: {
      on: {
        TOGGLE_TARGET: {
          guard: { type: 'isCandidate', params: ({ event }) => ({ userIds: [event.userId] }) },
          actions: assign({ targets: ({ context, event }) => toggle(context.targets, event.userId) }),
        },
        SET_TARGETS: {
          guard: { type: 'isCandidate', params: ({ event }) => ({ userIds: event.userIds }) },
          actions: assign({ targets: ({ event }) => [...new Set(event.userIds)] }),
        },
        NEXT: { guard: 'hasTarget', target: 'reviewing' },
        BACK: 'choosingContacts',
      },
    },
    reviewing: {
      on: {
        SUBMIT: {
          target: 'submitting',
          actions: assign({ pending: ({ context }) => submission(context), error: null }),
        },
        BACK: 'choosingTargets',
      },
    },
    submitting: {
      invoke: {
        src: 'reassign',
        input: ({ context }) => ({ adapter: context.adapter, caller: context.caller, pending: context.pending! }),
        onDone: {
          target: 'done',
          actions: [assign({ result: ({ event }) => event.output, error: null }), emit(({ event }) => ({ type: 'changed' as const, results: [event.output] }))],
        },
        onError: { target: 'failed', actions: assign({ error: errorOf }) },
      },
    },
    failed: {
      on: {
        RETRY: { guard: 'isRetryable', target: 'submitting' },
        BACK: 'reviewing',
      },
    },
    done: {
      on: {
        RESTART: {
          target: 'loading',
          actions: assign({ selection: { mode: 'some', ids: [] }, targets: [], pending: null, result: null, error: null }),
        },
      },
    },
  },
});
