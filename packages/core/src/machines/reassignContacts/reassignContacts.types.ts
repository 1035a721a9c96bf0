import type { ReassignContactsInput, ReassignContactsResult } from '../../adapter/OffboardAdapter';
import type { User } from '../../domain/types';
import type { ChangedEvent } from '../changes';
import type { CallerInput, CallerState } from '../shared';

/** All of the owner's contacts but some, or a listed few: "select all" at 50,000 costs nothing. */
export type ContactSelection =
  | { readonly mode: 'all'; readonly except: readonly string[] }
  | { readonly mode: 'some'; readonly ids: readonly string[] };

export interface ReassignContactsMachineInput extends CallerInput {
  readonly fromOwnerId: string;
  /** Start with these contacts chosen instead of none. */
  readonly contactIds?: readonly string[];
}

export interface ReassignContactsContext extends CallerState {
  readonly fromOwnerId: string;
  /** The owner's record, once loaded. */
  readonly owner: User | null;
  /** How many contacts the owner has. */
  readonly ownerContacts: number;
  /** Salespeople other than the owner: the only targets offered (R5). */
  readonly candidates: readonly User[];
  readonly selection: ContactSelection;
  readonly targets: readonly string[];
  /** The submitted request and its key, kept for retries until the choices change. */
  readonly pending: { readonly request: ReassignContactsInput; readonly idempotencyKey: string } | null;
  readonly result: ReassignContactsResult | null;
}

export type ReassignContactsEvent =
  | { readonly type: 'SELECT_ALL' }
  | { readonly type: 'CLEAR' }
  | { readonly type: 'TOGGLE_CONTACT'; readonly contactId: string }
  | { readonly type: 'SELECT_CONTACTS'; readonly contactIds: readonly string[] }
  | { readonly type: 'TOGGLE_TARGET'; readonly userId: string }
  | { readonly type: 'SET_TARGETS'; readonly userIds: readonly string[] }
  | { readonly type: 'NEXT' }
  | { readonly type: 'BACK' }
  | { readonly type: 'SUBMIT' }
  | { readonly type: 'RETRY' }
  | { readonly type: 'RESTART' };

export type ReassignContactsEmitted = ChangedEvent;
