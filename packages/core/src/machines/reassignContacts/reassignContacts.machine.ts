import { assign, emit, fromPromise, setup } from 'xstate';
import type { Caller, OffboardAdapter, ReassignContactsInput, ReassignContactsResult } from '../../adapter/OffboardAdapter';
import type { User } from '../../domain/types';
import { readAllPages } from '../../adapter/readAllPages';
import { fingerprint } from '../../contract/fingerprint';
import { toOffboardError } from '../../errors/OffboardError';
import { splitEvenly } from '../../rules/splitEvenly';
import { newIdempotencyKey } from '../idempotencyKey';
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

async function loadOwnerAndCandidates(adapter: OffboardAdapter, caller: Caller, fromOwnerId: string) {
  const [contacts, candidates] = await Promise.all([adapter.listContacts({ ownerId: fromOwnerId, limit: 1 }, caller), loadSalespeople(adapter, caller)]);
  return { ownerContacts: contacts.total, candidates: candidates.filter((user) => user.id !== fromOwnerId) };
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
    load: fromPromise<{ ownerContacts: number; candidates: User[] }, { adapter: OffboardAdapter; caller: Caller; fromOwnerId: string }>(({ input }) =>
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
    isRetryable: ({ context }) => context.error?.retryable === true,
  },
}).createMachine({
  id: 'reassignContacts',
  context: ({ input }) => ({
    adapter: input.adapter,
    caller: input.caller,
    fromOwnerId: input.fromOwnerId,
    createKey: input.createKey ?? newIdempotencyKey,
    ownerContacts: 0,
    candidates: [],
    selection: { mode: 'some', ids: input.contactIds ?? [] },
    targets: [],
    pending: null,
    result: null,
    error: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'load',
        input: ({ context }) => ({ adapter: context.adapter, caller: context.caller, fromOwnerId: context.fromOwnerId }),
        onDone: {
          target: 'choosingContacts',
          actions: assign({ ownerContacts: ({ event }) => event.output.ownerContacts, candidates: ({ event }) => event.output.candidates, error: null }),
        },
        onError: { target: 'loadFailed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
      },
    },
    loadFailed: { on: { RETRY: 'loading' } },
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
          actions: [assign({ result: ({ event }) => event.output, error: null }), emit(({ event }) => ({ type: 'changed' as const, result: event.output }))],
        },
        onError: { target: 'failed', actions: assign({ error: ({ event }) => toOffboardError(event.error) }) },
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
