import { TRANSFER_REASON_USER_DEACTIVATED, hasActiveLicense, type Effects, type PhoneNumber, type Task, type User } from '@offboard/core';
import type { Queryable, Row } from './db';
import { PHONE_NUMBER_COLUMNS, TASK_COLUMNS, USER_COLUMNS, integer, phoneNumberOf, taskOf, userOf } from './rows';

/**
 * The writes of each rule, run inside the change's transaction once its guard has passed. Each
 * rule's writes are one set-based statement (data-modifying CTEs), so a deactivation touching
 * 50,000 tasks or a reassignment of 100,000 contacts costs one round trip and moves the records
 * inside the server. Each returns the effects its audit entry records, the same as the in-memory
 * backend's `applyChanges`; ids in effects are sorted, the order every listing uses.
 */

const returningUser = USER_COLUMNS.split(', ').map((column) => `next.${column}`).join(', ');
const sortedIds = (cte: string, column = 'id') => `coalesce((SELECT array_agg(${column} ORDER BY ${column}) FROM ${cte}), '{}')`;

/**
 * R2's writes besides the license itself, as CTEs over `$1` (organisation) and `$2` (user), done
 * only when `$3` (the user holds an active license): open tasks become transferable with reason
 * `$4`, every Sales Brain is left. Contacts stay (R5), and are counted as orphaned.
 */
const RELEASE_LICENSE = `
  made_transferable AS (
    UPDATE tasks SET transferable = true, transfer_reason = $4, version = version + 1
    WHERE $3 AND organisation_id = $1 AND assignee_id = $2 AND state = 'created' AND NOT transferable RETURNING id
  ),
  left_brains AS (DELETE FROM sales_brain_members WHERE $3 AND organisation_id = $1 AND user_id = $2 RETURNING brain_id)`;
const RELEASED = `${sortedIds('made_transferable')} AS tasks_made_transferable, ${sortedIds('left_brains', 'brain_id')} AS sales_brains_left,
  CASE WHEN $3 THEN (SELECT count(*) FROM contacts WHERE organisation_id = $1 AND owner_id = $2) END AS contacts_orphaned`;

const licenseEffects = (user: User, row: Row): Effects => ({
  licenseDeactivated: { country: user.license!.country },
  seatFreed: true,
  salesBrainsLeft: row.sales_brains_left as string[],
  tasksMadeTransferable: row.tasks_made_transferable as string[],
  contactsOrphaned: integer(row.contacts_orphaned),
});

/** R2: the seat is freed with every effect of RELEASE_LICENSE. */
export async function deactivateLicenseWrites(tx: Queryable, organisationId: string, user: User): Promise<{ user: User; effects: Effects }> {
  const { rows } = await tx.query(
    `WITH ${RELEASE_LICENSE},
     next AS (UPDATE users SET license_status = 'inactive', version = version + 1 WHERE organisation_id = $1 AND id = $2 RETURNING ${USER_COLUMNS})
     SELECT ${returningUser}, ${RELEASED} FROM next`,
    [organisationId, user.id, true, TRANSFER_REASON_USER_DEACTIVATED],
  );
  return { user: userOf(rows[0]!), effects: licenseEffects(user, rows[0]!) };
}

/** R3: sign-in ends with every open session, and an active license goes with all of R2, in the same statement. */
export async function deactivateUserWrites(tx: Queryable, organisationId: string, user: User, at: Date): Promise<{ user: User; effects: Effects }> {
  const licensed = hasActiveLicense(user);
  const { rows } = await tx.query(
    `WITH ${RELEASE_LICENSE},
     ended AS (UPDATE sessions SET ended_at = $5 WHERE organisation_id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING 1),
     next AS (
       UPDATE users SET status = 'inactive', license_status = CASE WHEN license_status = 'active' THEN 'inactive' ELSE license_status END, version = version + 1
       WHERE organisation_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}
     )
     SELECT ${returningUser}, ${RELEASED}, (SELECT count(*) FROM ended) AS sessions_ended FROM next`,
    [organisationId, user.id, licensed, TRANSFER_REASON_USER_DEACTIVATED, at.toISOString()],
  );
  const row = rows[0]!;
  return { user: userOf(row), effects: { ...(licensed ? licenseEffects(user, row) : {}), signInRevoked: true, sessionsEnded: integer(row.sessions_ended) } };
}

/** R7: a new license takes a seat, and the user's own tasks that nobody took are theirs again. */
export async function assignLicenseWrites(tx: Queryable, organisationId: string, user: User, country: string): Promise<{ user: User; effects: Effects }> {
  const { rows } = await tx.query(
    `WITH reclaimed AS (
       UPDATE tasks SET transferable = false, transfer_reason = NULL, version = version + 1
       WHERE organisation_id = $1 AND assignee_id = $2 AND state = 'created' AND transferable RETURNING id
     ),
     next AS (UPDATE users SET license_country = $3, license_status = 'active', version = version + 1 WHERE organisation_id = $1 AND id = $2 RETURNING ${USER_COLUMNS})
     SELECT ${returningUser}, ${sortedIds('reclaimed')} AS tasks FROM next`,
    [organisationId, user.id, country],
  );
  const row = rows[0]!;
  return { user: userOf(row), effects: { licenseAssigned: { country }, seatUsed: true, tasksNoLongerTransferable: row.tasks as string[] } };
}

/** R7: sign-in comes back; the license does not. */
export async function reactivateUserWrite(tx: Queryable, organisationId: string, user: User): Promise<User> {
  const { rows } = await tx.query(
    `UPDATE users SET status = 'active', version = version + 1 WHERE organisation_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}`,
    [organisationId, user.id],
  );
  return userOf(rows[0]!);
}

/**
 * R5: the chosen contacts dealt round-robin over the targets, so a split is even to within one.
 * Listed contacts are dealt in the order given; "all but some" deals the owner's in id order.
 * One statement numbers, moves and groups them, whatever their number. The guard has checked,
 * under the organisation's lock, that listed contacts belong to the owner; the update itself
 * finds each contact by primary key, so its plan is a lookup per chosen contact even when the
 * planner's statistics on owners are stale.
 */
export async function moveContacts(
  tx: Queryable,
  organisationId: string,
  selection: { readonly fromOwnerId: string; readonly contactIds?: readonly string[]; readonly exceptContactIds?: readonly string[] },
  toUserIds: readonly string[],
): Promise<{ toUserId: string; contactIds: string[] }[]> {
  const [chosen, params] = selection.contactIds
    ? [`SELECT i.id, i.n - 1 AS n FROM unnest($4::text[]) WITH ORDINALITY AS i (id, n)`, [selection.contactIds]]
    : [
        `SELECT c.id, row_number() OVER (ORDER BY c.id) - 1 AS n FROM contacts c
         WHERE c.organisation_id = $1 AND c.owner_id = $4 AND NOT EXISTS (SELECT 1 FROM unnest($5::text[]) AS e (id) WHERE e.id = c.id)`,
        [selection.fromOwnerId, selection.exceptContactIds ?? []],
      ];
  const { rows } = await tx.query<{ slot: number; ids: string[] }>(
    `WITH chosen AS MATERIALIZED (${chosen}),
     moved AS (
       UPDATE contacts c SET owner_id = ($2::text[])[(chosen.n % $3)::int + 1], version = c.version + 1
       FROM chosen WHERE c.organisation_id = $1 AND c.id = chosen.id
       RETURNING c.id, chosen.n
     )
     SELECT (n % $3)::int AS slot, array_agg(id ORDER BY n) AS ids FROM moved GROUP BY 1`,
    [organisationId, toUserIds, toUserIds.length, ...params],
  );
  // A list, not an object keyed by user id: ids such as `__proto__` stay data.
  const moved = toUserIds.map((toUserId) => ({ toUserId, contactIds: [] as string[] }));
  for (const row of rows) moved[row.slot]!.contactIds = row.ids;
  return moved;
}

/** R8 step 2: a user's open tasks, every one of them, in id order. */
export async function openTaskIds(tx: Queryable, organisationId: string, userId: string): Promise<string[]> {
  const { rows } = await tx.query(
    `SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM tasks WHERE organisation_id = $1 AND assignee_id = $2 AND state = 'created'`,
    [organisationId, userId],
  );
  return rows[0]!.ids as string[];
}

/** R6 and R8 step 2: tasks change hands and are no longer up for grabs. */
export async function handOverTasks(tx: Queryable, organisationId: string, taskIds: readonly string[], toUserId: string): Promise<Task[]> {
  const { rows } = await tx.query(
    `UPDATE tasks t SET assignee_id = $3, transferable = false, transfer_reason = NULL, version = t.version + 1
     FROM unnest($2::text[]) AS i (id) WHERE t.organisation_id = $1 AND t.id = i.id
     RETURNING ${TASK_COLUMNS.split(', ').map((column) => `t.${column}`).join(', ')}`,
    [organisationId, taskIds, toUserId],
  );
  return rows.map(taskOf);
}

/** R8 step 3: the way out of R4. */
export async function deactivatePhoneNumberWrite(tx: Queryable, organisationId: string, phoneNumberId: string): Promise<PhoneNumber> {
  const { rows } = await tx.query(
    `UPDATE phone_numbers SET status = 'inactive', version = version + 1 WHERE organisation_id = $1 AND id = $2 RETURNING ${PHONE_NUMBER_COLUMNS}`,
    [organisationId, phoneNumberId],
  );
  return phoneNumberOf(rows[0]!);
}
