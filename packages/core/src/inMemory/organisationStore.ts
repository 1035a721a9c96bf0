import {
  hasActiveLicense,
  isSalesperson,
  type AuditEntry,
  type Contact,
  type HistoryRecord,
  type OffboardData,
  type PhoneNumber,
  type SalesBrain,
  type SeatUsage,
  type Session,
  type Task,
  type User,
} from '../domain/types';
import type { ScheduledDeactivation } from '../domain/schedules';
import type { OffboardPolicy, OffboardReadModel } from '../rules/readModel';
import { ScheduleBook } from './scheduleBook';

/** Records are replaced, never edited in place, so a rollback can put the previous object back. */
type Kind = 'user' | 'contact' | 'task' | 'salesBrain' | 'phoneNumber' | 'session';
type RecordOf<K extends Kind> = {
  user: User;
  contact: Contact;
  task: Task;
  salesBrain: SalesBrain;
  phoneNumber: PhoneNumber;
  session: Session;
}[K];

const addTo = <K, V>(index: Map<K, Set<V>>, key: K, value: V) => {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
};
const removeFrom = <K, V>(index: Map<K, Set<V>>, key: K, value: V) => {
  index.get(key)?.delete(value);
};
const toggle = <V>(set: Set<V>, value: V, member: boolean) => (member ? set.add(value) : set.delete(value));

export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The organisation's records and the indexes the rules read, kept in step on every write so
 * that a change costs in proportion to the records it touches, not to the organisation's size.
 */
export class OrganisationStore implements OffboardReadModel {
  readonly users = new Map<string, User>();
  readonly contacts = new Map<string, Contact>();
  readonly tasks = new Map<string, Task>();
  readonly salesBrains = new Map<string, SalesBrain>();
  readonly phoneNumbers = new Map<string, PhoneNumber>();
  readonly sessions = new Map<string, Session>();
  readonly history: HistoryRecord[];
  readonly auditLog: AuditEntry[];
  readonly seatsTotal: number;
  readonly organisationId: string;
  /** R15: written through the transaction like every other record. */
  readonly schedules = new ScheduleBook();

  private readonly contactsByOwner = new Map<string, Set<string>>();
  private readonly tasksByAssignee = new Map<string, Set<string>>();
  private readonly transferableTaskIds = new Set<string>();
  private readonly brainsByMember = new Map<string, Set<string>>();
  private readonly activeLicensesByCountry = new Map<string, Set<string>>();
  private readonly numbersByCountry = new Map<string, Set<string>>();
  private readonly openSessionsByUser = new Map<string, Set<string>>();
  private readonly activeAdmins = new Set<string>();
  private readonly salespeople = new Set<string>();
  private readonly historyByUser = new Map<string, HistoryRecord[]>();
  private readonly historyByContact = new Map<string, HistoryRecord[]>();
  private readonly auditByTarget = new Map<string, AuditEntry[]>();
  /** Bumped per owner when their contacts change, so sorted listings are cached between writes. */
  private readonly contactRevisions = new Map<string, number>();
  /** Owners whose contacts changed in the current change; their revisions move once it settles. */
  private readonly dirtyOwners = new Set<string>();
  private readonly sortedCache = new Map<string, { revision: string; ids: readonly string[] }>();
  /** Entries of `sortedCache`, for tests that prove it stays bounded. */
  get cachedListings(): number {
    return this.sortedCache.size;
  }
  /** User ids by name then id; names change rarely, so this survives most writes. */
  private userOrder: readonly string[] | null = null;
  /** Filtered users listings, dropped on any user write; a few at most (searches are many). */
  private readonly userListings = new Map<string, readonly User[]>();
  revision = 0;

  constructor(
    data: OffboardData,
    readonly policy: OffboardPolicy,
  ) {
    this.organisationId = data.organisationId;
    this.seatsTotal = data.seats.total;
    for (const user of data.users) this.put('user', user);
    for (const contact of data.contacts) this.put('contact', contact);
    for (const task of data.tasks) this.put('task', task);
    for (const brain of data.salesBrains) this.put('salesBrain', brain);
    for (const phoneNumber of data.phoneNumbers) this.put('phoneNumber', phoneNumber);
    for (const session of data.sessions) this.put('session', session);
    this.history = [...data.history];
    for (const record of this.history) this.indexHistory(record);
    this.auditLog = [];
    for (const entry of data.auditLog ?? []) this.appendAudit(entry);
  }

  /** Writes a record and keeps every index in step; returns the record it replaced. */
  put<K extends Kind>(kind: K, next: RecordOf<K>): RecordOf<K> | undefined;
  put(kind: Kind, next: RecordOf<Kind>): RecordOf<Kind> | undefined {
    switch (kind) {
      case 'user': {
        const user = next as User;
        const prev = this.users.get(user.id);
        this.users.set(user.id, user);
        this.userListings.clear();
        if (prev?.name !== user.name) this.userOrder = null;
        if (prev?.license && hasActiveLicense(prev)) removeFrom(this.activeLicensesByCountry, prev.license.country, prev.id);
        if (user.license && hasActiveLicense(user)) addTo(this.activeLicensesByCountry, user.license.country, user.id);
        toggle(this.activeAdmins, user.id, user.role === 'admin' && user.status === 'active');
        toggle(this.salespeople, user.id, isSalesperson(user));
        return prev;
      }
      case 'contact': {
        const contact = next as Contact;
        const prev = this.contacts.get(contact.id);
        this.contacts.set(contact.id, contact);
        if (prev?.ownerId !== contact.ownerId) {
          if (prev) {
            removeFrom(this.contactsByOwner, prev.ownerId, prev.id);
            this.dirtyOwners.add(prev.ownerId);
          }
          addTo(this.contactsByOwner, contact.ownerId, contact.id);
          this.dirtyOwners.add(contact.ownerId);
        }
        return prev;
      }
      case 'task': {
        const task = next as Task;
        const prev = this.tasks.get(task.id);
        this.tasks.set(task.id, task);
        if (prev?.assigneeId !== task.assigneeId) {
          if (prev) removeFrom(this.tasksByAssignee, prev.assigneeId, prev.id);
          addTo(this.tasksByAssignee, task.assigneeId, task.id);
        }
        toggle(this.transferableTaskIds, task.id, task.transferable);
        return prev;
      }
      case 'salesBrain': {
        const brain = next as SalesBrain;
        const prev = this.salesBrains.get(brain.id);
        this.salesBrains.set(brain.id, brain);
        for (const member of prev?.memberIds ?? []) removeFrom(this.brainsByMember, member, brain.id);
        for (const member of brain.memberIds) addTo(this.brainsByMember, member, brain.id);
        return prev;
      }
      case 'phoneNumber': {
        const phoneNumber = next as PhoneNumber;
        const prev = this.phoneNumbers.get(phoneNumber.id);
        this.phoneNumbers.set(phoneNumber.id, phoneNumber);
        addTo(this.numbersByCountry, phoneNumber.country, phoneNumber.id);
        return prev;
      }
      case 'session': {
        const session = next as Session;
        const prev = this.sessions.get(session.id);
        this.sessions.set(session.id, session);
        if (session.endedAt === null) addTo(this.openSessionsByUser, session.userId, session.id);
        else removeFrom(this.openSessionsByUser, session.userId, session.id);
        return prev;
      }
    }
  }

  /**
   * Replaces many records of one kind whose previous versions the caller holds: the bulk path of
   * R2's tasks and R5's contacts, with no lookups and index sets fetched once per owner in a row.
   * Swapping the arguments undoes it.
   */
  replaceAll<K extends 'contact' | 'task'>(kind: K, prevs: readonly RecordOf<K>[], nexts: readonly RecordOf<K>[]): void {
    if (kind === 'task') {
      for (let i = 0; i < nexts.length; i++) {
        const prev = prevs[i] as Task;
        const next = nexts[i] as Task;
        if (prev.assigneeId !== next.assigneeId) {
          this.put('task', next);
          continue;
        }
        this.tasks.set(next.id, next);
        toggle(this.transferableTaskIds, next.id, next.transferable);
      }
      return;
    }
    let fromId: string | undefined;
    let from: Set<string> | undefined;
    let toId: string | undefined;
    let to: Set<string> | undefined;
    for (let i = 0; i < nexts.length; i++) {
      const prev = prevs[i] as Contact;
      const next = nexts[i] as Contact;
      this.contacts.set(next.id, next);
      if (prev.ownerId === next.ownerId) continue;
      if (prev.ownerId !== fromId) {
        fromId = prev.ownerId;
        from = this.contactsByOwner.get(fromId);
        this.dirtyOwners.add(fromId);
      }
      from?.delete(next.id);
      if (next.ownerId !== toId) {
        toId = next.ownerId;
        to = this.contactsByOwner.get(toId);
        if (!to) this.contactsByOwner.set(toId, (to = new Set()));
        this.dirtyOwners.add(toId);
      }
      to!.add(next.id);
    }
  }

  appendAudit(entry: AuditEntry): void {
    this.auditLog.push(entry);
    let entries = this.auditByTarget.get(entry.target.id);
    if (!entries) this.auditByTarget.set(entry.target.id, (entries = []));
    entries.push(entry);
  }

  /** Only a rolled-back transaction takes its own entry back; nothing else ever shortens the log (R10). */
  retractLastAudit(entry: AuditEntry): void {
    if (this.auditLog[this.auditLog.length - 1] !== entry) throw new Error('audit log can only retract its newest entry');
    this.auditLog.pop();
    this.auditByTarget.get(entry.target.id)?.pop();
  }

  private indexHistory(record: HistoryRecord): void {
    const push = (index: Map<string, HistoryRecord[]>, key: string) => {
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push(record);
    };
    push(this.historyByUser, record.userId);
    if (record.contactId) push(this.historyByContact, record.contactId);
  }

  // ---- read model (the rules ask these) ----

  findUser(userId: string): User | undefined {
    return this.users.get(userId);
  }
  findContact(contactId: string): Contact | undefined {
    return this.contacts.get(contactId);
  }
  findTask(taskId: string): Task | undefined {
    return this.tasks.get(taskId);
  }
  findPhoneNumber(phoneNumberId: string): PhoneNumber | undefined {
    return this.phoneNumbers.get(phoneNumberId);
  }
  activeAdminCount(): number {
    return this.activeAdmins.size;
  }
  salespersonCount(): number {
    return this.salespeople.size;
  }
  activeLicenseCount(country: string): number {
    return this.activeLicensesByCountry.get(country)?.size ?? 0;
  }
  activePhoneNumbers(country: string): readonly PhoneNumber[] {
    const ids = this.numbersByCountry.get(country) ?? [];
    return [...ids]
      .map((id) => this.phoneNumbers.get(id)!)
      .filter((phoneNumber) => phoneNumber.status === 'active')
      .sort((a, b) => compareKeys(a.id, b.id));
  }
  contactCount(ownerId: string): number {
    return this.contactsByOwner.get(ownerId)?.size ?? 0;
  }
  contactsNotOwnedBy(ownerId: string, contactIds: readonly string[]): { unknown: string[]; moved: string[] } {
    const unknown: string[] = [];
    const moved: string[] = [];
    for (const id of contactIds) {
      const contact = this.contacts.get(id);
      if (!contact) unknown.push(id);
      else if (contact.ownerId !== ownerId) moved.push(id);
    }
    return { unknown, moved };
  }
  unknownContacts(contactIds: readonly string[]): string[] {
    return contactIds.filter((id) => !this.contacts.has(id));
  }
  tasksNotOpenFor(userId: string, taskIds: readonly string[]): { unknown: string[]; moved: string[]; closed: string[] } {
    const unknown: string[] = [];
    const moved: string[] = [];
    const closed: string[] = [];
    for (const id of taskIds) {
      const task = this.tasks.get(id);
      if (!task) unknown.push(id);
      else if (task.assigneeId !== userId) moved.push(id);
      else if (task.state !== 'created') closed.push(id);
    }
    return { unknown, moved, closed };
  }
  openTaskCount(userId: string): { readonly open: number; readonly transferable: number } {
    let open = 0;
    let transferable = 0;
    for (const id of this.tasksByAssignee.get(userId) ?? []) {
      const task = this.tasks.get(id)!;
      if (task.state !== 'created') continue;
      open += 1;
      if (task.transferable) transferable += 1;
    }
    return { open, transferable };
  }
  /** Tasks in state `created` assigned to the user. */
  openTasks(userId: string): readonly Task[] {
    const open: Task[] = [];
    for (const id of this.tasksByAssignee.get(userId) ?? []) {
      const task = this.tasks.get(id)!;
      if (task.state === 'created') open.push(task);
    }
    return open;
  }
  salesBrainsOf(userId: string): readonly SalesBrain[] {
    return [...(this.brainsByMember.get(userId) ?? [])].map((id) => this.salesBrains.get(id)!);
  }
  seatUsage(): SeatUsage {
    let used = 0;
    for (const holders of this.activeLicensesByCountry.values()) used += holders.size;
    return { total: this.seatsTotal, used, available: Math.max(0, this.seatsTotal - used) };
  }
  openSessionCount(userId: string): number {
    return this.openSessionsByUser.get(userId)?.size ?? 0;
  }
  findSchedule(scheduleId: string): ScheduledDeactivation | undefined {
    return this.schedules.find(scheduleId);
  }
  pendingSchedulesOf(userId: string): readonly ScheduledDeactivation[] {
    return this.schedules.pendingOf(userId);
  }

  // ---- listings ----

  contactIdsOf(ownerId: string): ReadonlySet<string> {
    return this.contactsByOwner.get(ownerId) ?? new Set();
  }
  taskIdsOf(assigneeId: string): ReadonlySet<string> {
    return this.tasksByAssignee.get(assigneeId) ?? new Set();
  }
  transferableTasks(): ReadonlySet<string> {
    return this.transferableTaskIds;
  }
  openSessionsOf(userId: string): readonly Session[] {
    return [...(this.openSessionsByUser.get(userId) ?? [])].map((id) => this.sessions.get(id)!);
  }
  historyOf(filter: { readonly userId?: string; readonly contactId?: string }): readonly HistoryRecord[] {
    if (filter.userId) return this.historyByUser.get(filter.userId) ?? [];
    if (filter.contactId) return this.historyByContact.get(filter.contactId) ?? [];
    return this.history;
  }
  auditOf(targetId: string | undefined): readonly AuditEntry[] {
    return targetId ? (this.auditByTarget.get(targetId) ?? []) : this.auditLog;
  }

  /** Contact ids of one owner (or of every non-salesperson owner), sorted, cached until they change. */
  sortedContactIds(scope: { readonly ownerId: string } | 'orphaned' | 'all'): readonly string[] {
    // An owner with no contacts is not cached: anyone may ask about any id, so caching those would
    // let requests grow memory without end.
    if (typeof scope !== 'string' && !this.contactsByOwner.get(scope.ownerId)?.size) return [];
    const cacheKey = typeof scope === 'string' ? scope : `owner:${scope.ownerId}`;
    const revision =
      typeof scope === 'string' ? `r${this.revision}` : `o${this.contactRevisions.get(scope.ownerId) ?? 0}`;
    const cached = this.sortedCache.get(cacheKey);
    if (cached?.revision === revision) return cached.ids;
    let ids: string[];
    if (scope === 'all') ids = [...this.contacts.keys()];
    else if (scope === 'orphaned') {
      ids = [];
      for (const [ownerId, owned] of this.contactsByOwner) {
        const owner = this.users.get(ownerId);
        if (!owner || !isSalesperson(owner)) for (const id of owned) ids.push(id);
      }
    } else ids = [...this.contactIdsOf(scope.ownerId)];
    ids.sort(compareKeys);
    this.sortedCache.set(cacheKey, { revision, ids });
    return ids;
  }

  /** Called once a change is committed or rolled back: cached listings it touched are recomputed lazily. */
  settle(): void {
    this.revision += 1;
    for (const ownerId of this.dirtyOwners) this.contactRevisions.set(ownerId, (this.contactRevisions.get(ownerId) ?? 0) + 1);
    this.dirtyOwners.clear();
  }

  /**
   * The users a listing selects, in the listing's order (`keyOf`), computed once until a user
   * changes: paging through a listing then costs a page each, not a pass over every user.
   */
  userListing(filterKey: string, keyOf: (user: User) => string, select: (user: User) => boolean): readonly User[] {
    const cached = this.userListings.get(filterKey);
    if (cached) return cached;
    if (!this.userOrder) {
      const keyed = [...this.users.values()].map((user) => [keyOf(user), user.id] as const);
      keyed.sort(([a], [b]) => compareKeys(a, b));
      this.userOrder = keyed.map(([, id]) => id);
    }
    const users: User[] = [];
    for (const id of this.userOrder) {
      const user = this.users.get(id)!;
      if (select(user)) users.push(user);
    }
    if (this.userListings.size >= 16) this.userListings.clear();
    this.userListings.set(filterKey, users);
    return users;
  }
}
