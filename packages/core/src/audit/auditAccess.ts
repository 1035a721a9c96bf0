import { isService, type Caller } from '../adapter/context';
import type { User } from '../domain/types';
import { readRefusalOf } from '../rules/readAccess';
import { DEFAULT_POLICY } from '../rules/readModel';
import type { Refusal } from '../rules/guards';

/**
 * R12, judged before anything is asked: the refusal an audit viewer shows its caller instead of
 * the log (`admin-only` for a member, `actor-inactive` for someone no longer active), or `null`
 * when they may read it. `undefined` while the caller's own record is not known yet. Judged with
 * the default policy, like `callerView`.
 */
export function auditReadRefusal(caller: Caller, actor: User | undefined): Refusal | undefined {
  if (!isService(caller) && actor === undefined) return undefined;
  return readRefusalOf(actor, caller, DEFAULT_POLICY, { read: 'audit-log' });
}
