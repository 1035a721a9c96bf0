import { OffboardError, type OffboardData } from '@offboard/core';
import { checkOrganisationData } from '@offboard/core/backend';
import type { Db, Queryable } from './db';

/** Rows per statement: large enough that 1M contacts take 20 statements, small enough to keep each array parameter a few MB. */
const CHUNK = 50_000;
/** A table given this many rows is vacuumed and analysed at once, as after any bulk load. */
const VACUUM_AFTER = 1_000;

interface Column<R> {
  readonly name: string;
  /** The SQL type each value is bound as (arrays of it, one per column). */
  readonly type: 'text' | 'integer' | 'boolean' | 'timestamptz' | 'jsonb';
  readonly value: (record: R) => unknown;
}

/**
 * Multi-row insert of any number of records: one array parameter per column, unnested by the
 * server, `CHUNK` records per statement. As fast as the driver can ship the arrays, with nothing
 * but plain parameterised SQL (COPY would need a driver-specific stream).
 */
async function insertRows<R>(tx: Queryable, table: string, organisationId: string, records: readonly R[], columns: readonly Column<R>[]): Promise<number> {
  // jsonb and timestamptz travel as text and are cast on the server.
  const bound = (type: Column<R>['type']) => (type === 'jsonb' || type === 'timestamptz' ? 'text' : type);
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, i) => `$${i + 2}::${bound(column.type)}[]`).join(', ');
  const selected = columns.map((column) => (bound(column.type) === column.type ? column.name : `${column.name}::${column.type}`)).join(', ');
  const sql = `INSERT INTO ${table} (organisation_id, ${names}) SELECT $1, ${selected} FROM unnest(${arrays}) AS r (${names})`;
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    await tx.query(sql, [organisationId, ...columns.map((column) => chunk.map(column.value))]);
  }
  return records.length;
}

const text = <R>(name: string, value: (record: R) => unknown): Column<R> => ({ name, type: 'text', value });

/**
 * Loads organisations (R13: any number, each with its own ids) into a migrated database, in one
 * transaction. Each is first checked with the core's `checkOrganisationData`, which refuses a
 * malformed or self-contradicting record with `VALIDATION_FAILED` naming it (`data.users.11.license`),
 * so no rule ever runs over data that already breaks one. An organisation already there is refused.
 */
export async function seed(db: Db, organisations: OffboardData | readonly OffboardData[]): Promise<void> {
  const all: readonly OffboardData[] = Array.isArray(organisations) ? organisations : [organisations as OffboardData];
  const seen = new Set<string>();
  for (const data of all) {
    checkOrganisationData(data);
    if (seen.has(data.organisationId)) throw new OffboardError('VALIDATION_FAILED', { field: 'data', id: data.organisationId }, `data holds organisation ${data.organisationId} twice`);
    seen.add(data.organisationId);
  }
  const loaded = new Map<string, number>();
  await db.transaction(async (tx) => {
    for (const data of all) await insertOrganisation(tx, data, (table, rows) => loaded.set(table, (loaded.get(table) ?? 0) + rows));
  });
  // Without fresh statistics the planner takes a table that just got 100,000 rows for empty, and may
  // join it row by row; without a visibility map, counting an owner's contacts reads every row
  // instead of the index alone. VACUUM skips pages already all-visible, so it costs the new rows.
  for (const [table, rows] of loaded) if (rows >= VACUUM_AFTER) await db.query(`VACUUM (ANALYZE) ${table}`);
}

/**
 * The organisations the database holds, in id order: what a host asks before seeding only an
 * empty database, or to know whom it serves.
 */
export async function organisationIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ organisation_id: string }>('SELECT organisation_id FROM organisations ORDER BY organisation_id');
  return rows.map((row) => row.organisation_id);
}

async function insertOrganisation(tx: Queryable, data: OffboardData, loaded: (table: string, rows: number) => void): Promise<void> {
  const id = data.organisationId;
  const insert = async <R>(table: string, records: readonly R[], columns: readonly Column<R>[]) => loaded(table, await insertRows(tx, table, id, records, columns));
  const auditLog = data.auditLog ?? [];
  const { rows } = await tx.query(
    'INSERT INTO organisations (organisation_id, seats_total, audit_seq) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1',
    [id, data.seats.total, auditLog.length],
  );
  if (!rows[0]) throw new OffboardError('VALIDATION_FAILED', { field: 'data.organisationId', id }, `organisation ${id} is already in the database`);
  await insert('users', data.users, [
    text('id', (u) => u.id),
    text('name', (u) => u.name),
    text('email', (u) => u.email),
    // Lower-cased here, as the in-memory backend does, so listings sort and match alike.
    text('name_lower', (u) => u.name.toLowerCase()),
    // checkOrganisationData has made sure every email is a string.
    text('email_lower', (u) => u.email!.toLowerCase()),
    text('role', (u) => u.role),
    text('status', (u) => u.status),
    text('license_country', (u) => u.license?.country ?? null),
    text('license_status', (u) => u.license?.status ?? null),
    { name: 'version', type: 'integer', value: (u) => u.version },
  ]);
  await insert('contacts', data.contacts, [
    text('id', (c) => c.id),
    text('name', (c) => c.name),
    text('owner_id', (c) => c.ownerId),
    { name: 'version', type: 'integer', value: (c) => c.version },
  ]);
  await insert('tasks', data.tasks, [
    text('id', (t) => t.id),
    text('title', (t) => t.title),
    text('assignee_id', (t) => t.assigneeId),
    text('state', (t) => t.state),
    { name: 'transferable', type: 'boolean', value: (t) => t.transferable },
    text('transfer_reason', (t) => t.transferReason),
    { name: 'version', type: 'integer', value: (t) => t.version },
  ]);
  await insert('sales_brains', data.salesBrains, [text('id', (b) => b.id), text('name', (b) => b.name)]);
  const members = data.salesBrains.flatMap((brain) => brain.memberIds.map((userId, position) => ({ brainId: brain.id, userId, position })));
  await insert('sales_brain_members', members, [
    text('brain_id', (m) => m.brainId),
    text('user_id', (m) => m.userId),
    { name: 'position', type: 'integer', value: (m) => m.position },
  ]);
  await insert('phone_numbers', data.phoneNumbers, [
    text('id', (n) => n.id),
    text('number', (n) => n.number),
    text('country', (n) => n.country),
    text('status', (n) => n.status),
    { name: 'version', type: 'integer', value: (n) => n.version },
  ]);
  await insert('history', data.history, [
    text('id', (h) => h.id),
    text('kind', (h) => h.kind),
    text('user_id', (h) => h.userId),
    text('contact_id', (h) => h.contactId),
    { name: 'at', type: 'timestamptz', value: (h) => h.at },
    text('summary', (h) => h.summary),
  ]);
  await insert('sessions', data.sessions, [
    text('id', (s) => s.id),
    text('user_id', (s) => s.userId),
    { name: 'started_at', type: 'timestamptz', value: (s) => s.startedAt },
    { name: 'ended_at', type: 'timestamptz', value: (s) => s.endedAt },
  ]);
  await insert('audit_log', auditLog, [
    { name: 'seq', type: 'integer', value: (a) => a.seq },
    text('id', (a) => a.id),
    { name: 'at', type: 'timestamptz', value: (a) => a.at },
    text('actor_id', (a) => a.actorId),
    text('action', (a) => a.action),
    text('target_type', (a) => a.target.type),
    text('target_id', (a) => a.target.id),
    { name: 'effects', type: 'jsonb', value: (a) => JSON.stringify(a.effects) },
    { name: 'reason', type: 'jsonb', value: (a) => (a.reason ? JSON.stringify(a.reason) : null) },
  ]);
}
