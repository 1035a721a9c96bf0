import type { OffboardPolicy, OffboardReadModel, PhoneNumber, SalesBrain, ScheduledDeactivation, SeatUsage, Task, User } from '@offboard/core';
import type { Queryable } from './db';
import {
  PHONE_NUMBER_COLUMNS,
  SALES_BRAIN_COLUMNS,
  SCHEDULE_COLUMNS,
  TASK_COLUMNS,
  USER_COLUMNS,
  integer,
  phoneNumberOf,
  salesBrainOf,
  scheduleOf,
  taskOf,
  userOf,
} from './rows';

/**
 * The questions the core's guards and plan ask (`OffboardReadModel`), answered by SQL on the
 * connection of the read or the change at hand. A model lives for one read (inside one snapshot)
 * or for one change's guard (under the organisation's lock, before any write), where an answer
 * cannot change, so each question goes to the database once: the plan asks for the same user a
 * dozen times through its guards. Set-based questions take whole id lists in one statement.
 */
export class SqlReadModel implements OffboardReadModel {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(
    private readonly q: Queryable,
    readonly organisationId: string,
    readonly policy: OffboardPolicy,
  ) {}

  private ask<T>(question: string, answer: () => Promise<T>): Promise<T> {
    let known = this.answers.get(question) as Promise<T> | undefined;
    if (!known) this.answers.set(question, (known = answer()));
    return known;
  }

  private async scalar(question: string, sql: string, params: readonly unknown[]): Promise<number> {
    return this.ask(question, async () => integer((await this.q.query(sql, [this.organisationId, ...params])).rows[0]!.n));
  }

  /** A user the caller already read (the actor, with the organisation), so it is not asked again. */
  know(userId: string, user: User | undefined): void {
    this.answers.set(`user:${userId}`, Promise.resolve(user));
  }

  findUser(userId: string): Promise<User | undefined> {
    return this.ask(`user:${userId}`, async () => {
      const { rows } = await this.q.query(`SELECT ${USER_COLUMNS} FROM users WHERE organisation_id = $1 AND id = $2`, [this.organisationId, userId]);
      return rows[0] && userOf(rows[0]);
    });
  }

  findTask(taskId: string): Promise<Task | undefined> {
    return this.ask(`task:${taskId}`, async () => {
      const { rows } = await this.q.query(`SELECT ${TASK_COLUMNS} FROM tasks WHERE organisation_id = $1 AND id = $2`, [this.organisationId, taskId]);
      return rows[0] && taskOf(rows[0]);
    });
  }

  findPhoneNumber(phoneNumberId: string): Promise<PhoneNumber | undefined> {
    return this.ask(`phoneNumber:${phoneNumberId}`, async () => {
      const sql = `SELECT ${PHONE_NUMBER_COLUMNS} FROM phone_numbers WHERE organisation_id = $1 AND id = $2`;
      const { rows } = await this.q.query(sql, [this.organisationId, phoneNumberId]);
      return rows[0] && phoneNumberOf(rows[0]);
    });
  }

  activeAdminCount(): Promise<number> {
    return this.scalar('admins', `SELECT count(*) AS n FROM users WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'`, []);
  }

  salespersonCount(): Promise<number> {
    return this.scalar('salespeople', `SELECT count(*) AS n FROM users WHERE organisation_id = $1 AND status = 'active' AND license_status = 'active'`, []);
  }

  activeLicenseCount(country: string): Promise<number> {
    const sql = `SELECT count(*) AS n FROM users WHERE organisation_id = $1 AND license_status = 'active' AND license_country = $2`;
    return this.scalar(`licenses:${country}`, sql, [country]);
  }

  activePhoneNumbers(country: string): Promise<readonly PhoneNumber[]> {
    return this.ask(`numbers:${country}`, async () => {
      const sql = `SELECT ${PHONE_NUMBER_COLUMNS} FROM phone_numbers WHERE organisation_id = $1 AND country = $2 AND status = 'active' ORDER BY id`;
      return (await this.q.query(sql, [this.organisationId, country])).rows.map(phoneNumberOf);
    });
  }

  contactCount(ownerId: string): Promise<number> {
    return this.scalar(`contacts:${ownerId}`, `SELECT count(*) AS n FROM contacts WHERE organisation_id = $1 AND owner_id = $2`, [ownerId]);
  }

  async contactsNotOwnedBy(ownerId: string, contactIds: readonly string[]): Promise<{ unknown: string[]; moved: string[] }> {
    const { rows } = await this.q.query<{ id: string; owner_id: string | null }>(
      `SELECT i.id, c.owner_id FROM unnest($2::text[]) WITH ORDINALITY AS i (id, n)
       LEFT JOIN contacts c ON c.organisation_id = $1 AND c.id = i.id
       WHERE c.owner_id IS DISTINCT FROM $3 ORDER BY i.n`,
      [this.organisationId, contactIds, ownerId],
    );
    return { unknown: rows.filter((row) => row.owner_id === null).map((row) => row.id), moved: rows.filter((row) => row.owner_id !== null).map((row) => row.id) };
  }

  async unknownContacts(contactIds: readonly string[]): Promise<string[]> {
    const { rows } = await this.q.query<{ id: string }>(
      `SELECT i.id FROM unnest($2::text[]) WITH ORDINALITY AS i (id, n)
       WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.organisation_id = $1 AND c.id = i.id) ORDER BY i.n`,
      [this.organisationId, contactIds],
    );
    return rows.map((row) => row.id);
  }

  async tasksNotOpenFor(userId: string, taskIds: readonly string[]): Promise<{ unknown: string[]; moved: string[]; closed: string[] }> {
    const { rows } = await this.q.query<{ id: string; assignee_id: string | null; state: string | null }>(
      `SELECT i.id, t.assignee_id, t.state FROM unnest($2::text[]) WITH ORDINALITY AS i (id, n)
       LEFT JOIN tasks t ON t.organisation_id = $1 AND t.id = i.id
       WHERE t.assignee_id IS DISTINCT FROM $3 OR t.state <> 'created' ORDER BY i.n`,
      [this.organisationId, taskIds, userId],
    );
    const ids = (where: (row: (typeof rows)[number]) => boolean) => rows.filter(where).map((row) => row.id);
    return {
      unknown: ids((row) => row.assignee_id === null),
      moved: ids((row) => row.assignee_id !== null && row.assignee_id !== userId),
      closed: ids((row) => row.assignee_id === userId),
    };
  }

  openTaskCount(userId: string): Promise<{ readonly open: number; readonly transferable: number }> {
    return this.ask(`openTasks:${userId}`, async () => {
      const { rows } = await this.q.query(
        `SELECT count(*) AS open, count(*) FILTER (WHERE transferable) AS transferable
         FROM tasks WHERE organisation_id = $1 AND assignee_id = $2 AND state = 'created'`,
        [this.organisationId, userId],
      );
      return { open: integer(rows[0]!.open), transferable: integer(rows[0]!.transferable) };
    });
  }

  salesBrainsOf(userId: string): Promise<readonly SalesBrain[]> {
    return this.ask(`brains:${userId}`, async () => {
      const { rows } = await this.q.query(
        `SELECT ${SALES_BRAIN_COLUMNS} FROM sales_brains b
         WHERE b.organisation_id = $1 AND b.id IN (SELECT brain_id FROM sales_brain_members WHERE organisation_id = $1 AND user_id = $2)
         ORDER BY b.id`,
        [this.organisationId, userId],
      );
      return rows.map(salesBrainOf);
    });
  }

  seatUsage(): Promise<SeatUsage> {
    return this.ask('seats', async () => {
      const { rows } = await this.q.query(
        `SELECT o.seats_total AS total,
           (SELECT count(*) FROM users u WHERE u.organisation_id = o.organisation_id AND u.license_status = 'active') AS used
         FROM organisations o WHERE o.organisation_id = $1`,
        [this.organisationId],
      );
      const total = integer(rows[0]!.total);
      const used = integer(rows[0]!.used);
      return { total, used, available: Math.max(0, total - used) };
    });
  }

  openSessionCount(userId: string): Promise<number> {
    const sql = `SELECT count(*) AS n FROM sessions WHERE organisation_id = $1 AND user_id = $2 AND ended_at IS NULL`;
    return this.scalar(`sessions:${userId}`, sql, [userId]);
  }

  findSchedule(scheduleId: string): Promise<ScheduledDeactivation | undefined> {
    return this.ask(`schedule:${scheduleId}`, async () => {
      const { rows } = await this.q.query(`SELECT ${SCHEDULE_COLUMNS} FROM scheduled_deactivations WHERE organisation_id = $1 AND id = $2`, [this.organisationId, scheduleId]);
      return rows[0] && scheduleOf(rows[0]);
    });
  }

  pendingSchedulesOf(userId: string): Promise<readonly ScheduledDeactivation[]> {
    return this.ask(`pendingSchedules:${userId}`, async () => {
      const sql = `SELECT ${SCHEDULE_COLUMNS} FROM scheduled_deactivations WHERE organisation_id = $1 AND user_id = $2 AND status = 'pending' ORDER BY scope`;
      return (await this.q.query(sql, [this.organisationId, userId])).rows.map(scheduleOf);
    });
  }
}
