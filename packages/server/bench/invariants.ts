import type { AuditEntry, PhoneNumber, SeatUsage, User } from '@offboard/core';
import type { Ledger } from './traffic';
import { BASE_PATH } from './organisation';

export interface Check {
  readonly name: string;
  readonly held: boolean;
  readonly detail: string;
}

/** Every item of a listing, page by page (500 a page). */
async function readAll<T>(origin: string, authorization: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(`${BASE_PATH}${path}`, origin);
    url.searchParams.set('limit', '500');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { authorization } });
    if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
    const page = (await response.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * The organisation read back through the API after the load, and the rules that must still hold:
 * seats (R7), R4, R9, and R10 with R11: exactly one audit entry per applied change, the same one
 * a replay was given.
 */
export async function checkInvariants(origin: string, authorization: string, ledger: Ledger): Promise<Check[]> {
  const [users, numbers, audit, seats] = await Promise.all([
    readAll<User>(origin, authorization, '/v1/users?status=all'),
    readAll<PhoneNumber>(origin, authorization, '/v1/phone-numbers?status=active'),
    readAll<AuditEntry>(origin, authorization, '/v1/audit-log'),
    fetch(new URL(`${BASE_PATH}/v1/seats`, origin), { headers: { authorization } }).then((response) => response.json() as Promise<SeatUsage>),
  ]);
  const licensed = users.filter((user) => user.license?.status === 'active');
  const licensedCountries = new Set(licensed.map((user) => user.license!.country));
  const stranded = [...new Set(numbers.map((number) => number.country))].filter((country) => !licensedCountries.has(country));
  const activeAdmins = users.filter((user) => user.role === 'admin' && user.status === 'active').length;
  const applied = new Set(ledger.applied.values());
  const logged = new Set(audit.map((entry) => entry.id));
  const unlogged = [...applied].filter((id) => !logged.has(id)).length;
  return [
    { name: 'seats used ≤ total', held: seats.used <= seats.total, detail: `${seats.used} of ${seats.total}` },
    { name: 'seats used = active licenses', held: seats.used === licensed.length, detail: `${seats.used} used, ${licensed.length} active licenses` },
    { name: 'R4: no country with active numbers and no license', held: stranded.length === 0, detail: stranded.length ? stranded.join(', ') : `${numbers.length} active numbers left` },
    { name: 'R9: at least one active admin', held: activeAdmins >= 1, detail: `${activeAdmins} active admins` },
    {
      name: 'R10: one audit entry per applied change',
      held: audit.length === ledger.applied.size && applied.size === ledger.applied.size && unlogged === 0,
      detail: `${ledger.applied.size} changes applied, ${audit.length} audit entries, ${unlogged} missing`,
    },
    {
      name: 'R11: a retry under the same key replays',
      held: ledger.replaysThatDiffered === 0,
      detail: `${ledger.replays} replays, ${ledger.replaysThatDiffered} differed`,
    },
  ];
}
