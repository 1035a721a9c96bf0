import pg from 'pg';
import type { AuditEntry, License, PhoneNumber, SeatUsage, User } from '@offboard/core';
import type { Ledger } from './traffic';
import { BASE_PATH } from './organisation';

export interface Check {
  readonly name: string;
  readonly held: boolean;
  readonly detail: string;
}

/** The organisation after the load, as far as the invariants need it. */
export interface State {
  /** Where it was read: through the API, or from the database's tables. */
  readonly source: string;
  readonly users: readonly Pick<User, 'id' | 'role' | 'status' | 'license'>[];
  /** The country of each active phone number. */
  readonly activeNumbers: readonly string[];
  readonly auditIds: readonly string[];
  /** As the backend reports them (`GET /v1/seats`). */
  readonly seats: SeatUsage;
  /** PostgreSQL: each stored idempotency key → the id of the audit entry it replays. */
  readonly keys?: ReadonlyMap<string, string>;
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

const seatsOf = (origin: string, authorization: string) =>
  fetch(new URL(`${BASE_PATH}/v1/seats`, origin), { headers: { authorization } }).then((response) => response.json() as Promise<SeatUsage>);

/** The organisation read back through the API, as an admin. */
export async function stateThroughApi(origin: string, authorization: string): Promise<State> {
  const [users, numbers, audit, seats] = await Promise.all([
    readAll<User>(origin, authorization, '/v1/users?status=all'),
    readAll<PhoneNumber>(origin, authorization, '/v1/phone-numbers?status=active'),
    readAll<AuditEntry>(origin, authorization, '/v1/audit-log'),
    seatsOf(origin, authorization),
  ]);
  return { source: 'read back through the API', users, activeNumbers: numbers.map((number) => number.country), auditIds: audit.map((entry) => entry.id), seats };
}

/** The organisation read from the database's own tables; the seats as a server reports them, to compare. */
export async function stateInDatabase(url: string, organisationId: string, origin: string, authorization: string): Promise<State> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async <R extends pg.QueryResultRow>(text: string) => (await client.query<R>(text, [organisationId])).rows;
    const users = await query<{ id: string; role: User['role']; status: User['status']; license_country: string | null; license_status: License['status'] | null }>(
      'SELECT id, role, status, license_country, license_status FROM users WHERE organisation_id = $1',
    );
    const numbers = await query<{ country: string }>("SELECT country FROM phone_numbers WHERE organisation_id = $1 AND status = 'active'");
    const audit = await query<{ id: string }>('SELECT id FROM audit_log WHERE organisation_id = $1');
    const keys = await query<{ key: string; audit_id: string }>(
      'SELECT k.key, a.id AS audit_id FROM idempotency_keys k JOIN audit_log a ON a.organisation_id = k.organisation_id AND a.seq = k.audit_seq WHERE k.organisation_id = $1',
    );
    return {
      source: 'read from the database',
      users: users.map((user) => ({
        id: user.id,
        role: user.role,
        status: user.status,
        license: user.license_country === null ? null : { country: user.license_country, status: user.license_status! },
      })),
      activeNumbers: numbers.map((number) => number.country),
      auditIds: audit.map((entry) => entry.id),
      seats: await seatsOf(origin, authorization),
      keys: new Map(keys.map((row) => [row.key, row.audit_id])),
    };
  } finally {
    await client.end();
  }
}

/**
 * The rules that must still hold after the load: seats (R7), R4, R9, and R10 with R11: exactly
 * one audit entry per applied change, the same one every replay was given; on PostgreSQL also
 * one stored key per applied change, pointing at that entry.
 */
export function checkInvariants(state: State, ledger: Ledger): Check[] {
  const { users, activeNumbers, auditIds, seats, keys } = state;
  const licensed = users.filter((user) => user.license?.status === 'active');
  const licensedCountries = new Set(licensed.map((user) => user.license!.country));
  const stranded = [...new Set(activeNumbers)].filter((country) => !licensedCountries.has(country));
  const activeAdmins = users.filter((user) => user.role === 'admin' && user.status === 'active').length;
  const applied = new Set(ledger.applied.values());
  const logged = new Set(auditIds);
  const unlogged = [...applied].filter((id) => !logged.has(id)).length;
  const checks: Check[] = [
    { name: 'seats used ≤ total', held: seats.used <= seats.total, detail: `${seats.used} of ${seats.total}` },
    { name: 'seats used = active licenses', held: seats.used === licensed.length, detail: `${seats.used} used, ${licensed.length} active licenses` },
    { name: 'R4: no country with active numbers and no license', held: stranded.length === 0, detail: stranded.length ? stranded.join(', ') : `${activeNumbers.length} active numbers left` },
    { name: 'R9: at least one active admin', held: activeAdmins >= 1, detail: `${activeAdmins} active admins` },
    {
      name: 'R10: one audit entry per applied change',
      held: auditIds.length === ledger.applied.size && applied.size === ledger.applied.size && unlogged === 0,
      detail: `${ledger.applied.size} changes applied, ${auditIds.length} audit entries, ${unlogged} missing`,
    },
    {
      name: 'R11: a retry under the same key replays',
      held: ledger.replaysThatDiffered === 0,
      detail: `${ledger.replays} replays, ${ledger.replaysThatDiffered} differed`,
    },
  ];
  if (keys) {
    const astray = [...ledger.applied].filter(([key, auditId]) => keys.get(key) !== auditId).length;
    checks.push({
      name: 'R11: one stored key per applied change, replaying its audit entry',
      held: keys.size === ledger.applied.size && astray === 0,
      detail: `${keys.size} keys stored, ${ledger.applied.size} changes applied, ${astray} astray`,
    });
  }
  return checks;
}
