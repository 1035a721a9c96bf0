/**
 * The PostgreSQL backend at scale, on a real server, against a floor measured in the same run:
 * the very statements the backend runs for each change or read (its `writes` and `listings`,
 * and the read model's questions for the plan), run directly, with no validation, standing,
 * guard, audit entry, idempotency key or authorisation around them. Each organisation has an
 * owner of 100,000 contacts and 50,000 tasks (`u-focus`) on top of 10k, 100k or 1M other
 * contacts, so the same operations at three organisation sizes show whether cost follows the
 * records touched or the organisation's size.
 */
import { DEFAULT_POLICY, type User } from '@offboard/core';
import { DEMO_ORGANISATION_ID, generateOrganisation } from '@offboard/core/fixtures';
import pg from 'pg';
import { measurePair, ms, spread, type Row, type Sample } from '../../core/bench/measure';
import { createPostgresBackend, fromPool, migrate, seed, type Db } from '../src';
import * as listings from '../src/listings';
import { SqlReadModel } from '../src/readModel';
import { deactivateLicenseWrites, deactivateUserWrites, moveContacts } from '../src/writes';

const ORG = DEMO_ORGANISATION_ID;
const FOCUS = 'u-focus';
/** The bench is its own server: it names the caller (an admin of the generated organisation), as authenticate would. */
const admin = { organisationId: ORG, actorId: 'u-0000001' };
const FULL_ACCESS = { allEmails: true, seesEmailOf: () => true };

interface Measured {
  readonly ours: Sample;
  readonly floor: Sample;
}

export interface Scenario {
  readonly contacts: number;
  readonly users: number;
  readonly seedMs: number;
  readonly userPages: number;
  readonly contactPages: number;
  readonly results: Record<'deactivateLicense' | 'deactivateUser' | 'reassign' | 'plan' | 'pageUsers' | 'pageContacts', Measured>;
}

/** Every page of a listing, `limit` 500, following the cursors; returns how many pages. */
async function pageAll(list: (cursor: string | null) => Promise<{ nextCursor: string | null }>): Promise<number> {
  let cursor: string | null = null;
  let pages = 0;
  do {
    cursor = (await list(cursor)).nextCursor;
    pages += 1;
  } while (cursor);
  return pages;
}

export async function scenario(url: string, baseContacts: number, runs: number): Promise<Scenario> {
  const data = generateOrganisation({ seed: 42, contacts: baseContacts, focus: { contacts: 100_000, tasks: 50_000 } });
  const schema = `bench_${baseContacts}`;
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await setup.query(`CREATE SCHEMA ${schema}`);
  await setup.end();
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 });
  const db: Db = fromPool(pool);
  await migrate(db);
  const seeding = performance.now();
  await seed(db, data);
  const seedMs = performance.now() - seeding;
  const backend = createPostgresBackend({ db });

  const focus = data.users.find((user) => user.id === FOCUS)!;
  const brains = data.salesBrains.flatMap((brain) => (brain.memberIds.includes(FOCUS) ? [[brain.id, brain.memberIds.indexOf(FOCUS)] as const] : []));
  // A salesperson whose own contacts go to another first receives the 100,000 and gives them back.
  const [a, b] = ['u-0000001', 'u-0000002'];
  await backend.reassignContacts({ fromOwnerId: a, toUserIds: [b] }, admin);

  /** Puts u-focus back as generated: licensed, active, in its Sales Brains, its open tasks its own, its session open. Untimed. */
  const restoreFocus = () =>
    db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET status = 'active', license_status = 'active' WHERE organisation_id = $1 AND id = $2`, [ORG, FOCUS]);
      await tx.query(`UPDATE tasks SET transferable = false, transfer_reason = NULL WHERE organisation_id = $1 AND assignee_id = $2 AND transferable`, [ORG, FOCUS]);
      await tx.query(`UPDATE sessions SET ended_at = NULL WHERE organisation_id = $1 AND user_id = $2`, [ORG, FOCUS]);
      for (const [brain, position] of brains) {
        await tx.query(`INSERT INTO sales_brain_members VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [ORG, brain, FOCUS, position]);
      }
    });
  /** The 100,000 contacts back with u-focus, moved by the floor's own statement. Untimed. */
  const contactsBackToFocus = async () => {
    const owned = (await backend.listContacts({ ownerId: a, limit: 1 }, admin)).total;
    if (owned) await db.transaction((tx) => moveContacts(tx, ORG, { fromOwnerId: a }, [FOCUS]));
  };
  const licensed: User = { ...focus, license: { country: focus.license!.country, status: 'active' } };
  let key = 0;
  const keyed = () => ({ ...admin, idempotencyKey: `bench-${baseContacts}-${++key}` });

  // Reads first, on the tables as loaded; then the changes, whose back-and-forth moves of 100,000
  // rows leave dead rows behind for autovacuum.
  /** The questions the plan asks, each once, straight to the read model: no snapshot, no R12, no guard logic. */
  const planFloor = async () => {
    const model = new SqlReadModel(db, ORG, DEFAULT_POLICY);
    const country = focus.license!.country;
    await model.findUser(FOCUS);
    await model.findUser(admin.actorId);
    await model.contactCount(FOCUS);
    await model.openTaskCount(FOCUS);
    await model.salespersonCount();
    await model.activeLicenseCount(country);
    await model.activePhoneNumbers(country);
    await model.salesBrainsOf(FOCUS);
    await model.seatUsage();
    await model.activeAdminCount();
    await model.openSessionCount(FOCUS);
  };
  const nothing = () => undefined;
  const plan = await measurePair(runs, { prepare: nothing, run: () => backend.getOffboardingPlan(FOCUS, {}, admin) }, { prepare: nothing, run: planFloor });

  let userPages = 0;
  let contactPages = 0;
  const pageUsers = await measurePair(
    runs,
    { prepare: nothing, run: async () => (userPages = await pageAll((cursor) => backend.listUsers({ status: 'all', limit: 500, cursor }, admin))) },
    { prepare: nothing, run: () => pageAll((cursor) => listings.listUsers(db, ORG, { status: 'all', limit: 500, cursor }, FULL_ACCESS, admin.actorId)) },
  );
  const pageContacts = await measurePair(
    runs,
    { prepare: nothing, run: async () => (contactPages = await pageAll((cursor) => backend.listContacts({ ownerId: FOCUS, limit: 500, cursor }, admin))) },
    { prepare: nothing, run: () => pageAll((cursor) => listings.listContacts(db, ORG, { ownerId: FOCUS, limit: 500, cursor })) },
  );
  const deactivateLicense = await measurePair(
    runs,
    { prepare: restoreFocus, run: () => backend.deactivateLicense(FOCUS, keyed()) },
    { prepare: restoreFocus, run: () => db.transaction((tx) => deactivateLicenseWrites(tx, ORG, licensed)) },
  );
  const deactivateUser = await measurePair(
    runs,
    { prepare: restoreFocus, run: () => backend.deactivateUser(FOCUS, keyed()) },
    { prepare: restoreFocus, run: () => db.transaction((tx) => deactivateUserWrites(tx, ORG, licensed, new Date())) },
  );
  await restoreFocus();
  const reassign = await measurePair(
    runs,
    { prepare: contactsBackToFocus, run: () => backend.reassignContacts({ fromOwnerId: FOCUS, toUserIds: [a] }, keyed()) },
    { prepare: contactsBackToFocus, run: () => db.transaction((tx) => moveContacts(tx, ORG, { fromOwnerId: FOCUS }, [a])) },
  );

  await pool.end();

  const pair = ([ours, floor]: [Sample, Sample]): Measured => ({ ours, floor });
  return {
    contacts: data.contacts.length,
    users: data.users.length,
    seedMs,
    userPages,
    contactPages,
    results: {
      deactivateLicense: pair(deactivateLicense),
      deactivateUser: pair(deactivateUser),
      reassign: pair(reassign),
      plan: pair(plan),
      pageUsers: pair(pageUsers),
      pageContacts: pair(pageContacts),
    },
  };
}

const LABELS: Record<keyof Scenario['results'], string> = {
  deactivateLicense: 'deactivate license (owner of 100k contacts, 50k tasks)',
  deactivateUser: 'deactivate user (same owner)',
  reassign: 'reassign 100k contacts',
  plan: 'offboarding plan of that owner',
  pageUsers: 'page through all users (500 a page)',
  pageContacts: 'page through 100k contacts (500 a page)',
};

/** Rows for the table: each operation against its floor in the largest organisation, then its cost across the three sizes. */
export function rowsOf(scenarios: readonly Scenario[]): Row[] {
  const largest = scenarios[scenarios.length - 1]!;
  const sizes = scenarios.map((s) => `${Math.round(s.contacts / 1000)}k`).join(' / ');
  const rows: Row[] = [];
  for (const op of Object.keys(LABELS) as (keyof Scenario['results'])[]) {
    const { ours, floor } = largest.results[op];
    const ratio = ours.median / floor.median;
    const pages = op === 'pageUsers' ? ` (${largest.userPages} pages of ${largest.users} users)` : op === 'pageContacts' ? ` (${largest.contactPages} pages)` : '';
    rows.push({
      group: `postgres: ${Math.round(largest.contacts / 1000).toLocaleString('en')}k-contact org`,
      name: LABELS[op] + pages,
      value: `${ms(ours.median)} ms`,
      detail: `spread ${spread(ours)} ms; floor ${ms(floor.median)} ms`,
      goal: `≤ 2× floor (${ratio.toFixed(2)}×)`,
      ok: ratio <= 2,
    });
  }
  for (const op of ['deactivateLicense', 'deactivateUser', 'reassign', 'plan', 'pageContacts'] as const) {
    const medians = scenarios.map((s) => s.results[op].ours.median);
    const growth = Math.max(...medians) / Math.min(...medians);
    rows.push({
      group: 'postgres: cost vs org size',
      name: LABELS[op],
      value: medians.map(ms).join(' / ') + ' ms',
      detail: `orgs of ${sizes} contacts; floor ${scenarios.map((s) => ms(s.results[op].floor.median)).join(' / ')} ms`,
      goal: `flat (max/min ≤ 1.5: ${growth.toFixed(2)})`,
      ok: growth <= 1.5,
    });
  }
  rows.push({
    group: 'postgres: loading',
    name: `seed (checkOrganisationData + multi-row INSERT) of ${largest.contacts.toLocaleString('en')} contacts`,
    value: `${(largest.seedMs / 1000).toFixed(1)} s`,
    detail: `${Math.round(largest.contacts / (largest.seedMs / 1000)).toLocaleString('en')} contacts/s with every other record`,
  });
  return rows;
}

/** Every PostgreSQL figure, for this package's bench and the repository's one table. */
export async function postgresBenchmarks(url: string, runs = 3): Promise<Row[]> {
  const scenarios: Scenario[] = [];
  for (const base of [10_000, 100_000, 1_000_000]) scenarios.push(await scenario(url, base, runs));
  return rowsOf(scenarios);
}
