import type { ScheduleScope, ScheduleStatus } from '../../domain/schedules';
import type { OffboardData } from '../../domain/types';
import type { ErrorCode } from '../../errors/OffboardError';
import { DEMO_NOW } from '../../fixtures/demoOrganisation';
import { cancelInModel, passTimeInModel, scheduleInModel, settleMootSchedules } from './scheduleModel';

/**
 * A second, deliberately plain statement of the rules, written without the core's guards: what a
 * command should do to the organisation, or which code should refuse it. Random sequences run
 * against it and against the adapter; any disagreement is a bug in one of them.
 */
export interface ModelUser {
  role: 'admin' | 'member';
  status: 'active' | 'inactive';
  license: { country: string; status: 'active' | 'inactive' } | null;
  version: number;
}
export interface ModelState {
  users: Map<string, ModelUser>;
  contacts: Map<string, { ownerId: string; version: number }>;
  tasks: Map<string, { assigneeId: string; state: 'created' | 'completed'; transferable: boolean; version: number }>;
  numbers: Map<string, { country: string; active: boolean; version: number }>;
  brains: Map<string, string[]>;
  seatsTotal: number;
  serviceActors: readonly string[];
  audits: number;
  /** Idempotency keys, per actor and key (R13): the request each first succeeded with, and when (keys expire, R11). */
  keys: Map<string, { request: string; at: number }>;
  /** R15: scheduled deactivations by id, and the backend's clock (ms) that decides when they are due. */
  schedules: Map<string, ModelSchedule>;
  now: number;
}

export interface ModelSchedule {
  userId: string;
  scope: ScheduleScope;
  at: number;
  status: ScheduleStatus;
  version: number;
}

export function modelOf(data: OffboardData, serviceActors: readonly string[] = []): ModelState {
  return {
    users: new Map(data.users.map((u) => [u.id, { role: u.role, status: u.status, license: u.license && { ...u.license }, version: u.version }])),
    contacts: new Map(data.contacts.map((c) => [c.id, { ownerId: c.ownerId, version: c.version }])),
    tasks: new Map(data.tasks.map((t) => [t.id, { assigneeId: t.assigneeId, state: t.state, transferable: t.transferable, version: t.version }])),
    numbers: new Map(data.phoneNumbers.map((n) => [n.id, { country: n.country, active: n.status === 'active', version: n.version }])),
    brains: new Map(data.salesBrains.map((b) => [b.id, [...b.memberIds]])),
    seatsTotal: data.seats.total,
    serviceActors,
    audits: data.auditLog?.length ?? 0,
    keys: new Map(),
    schedules: new Map(),
    // The conformance suite's clock starts here.
    now: Date.parse(DEMO_NOW),
  };
}

/** R11: how long a key replays (the backends' default). */
export const KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** The request a caller's key stands for, while it has not expired. */
export function liveKey(m: ModelState, slot: string): string | undefined {
  const stored = m.keys.get(slot);
  return stored && m.now < stored.at + KEY_TTL_MS ? stored.request : undefined;
}

export class Refused {
  constructor(readonly code: ErrorCode) {}
}
export const refuse = (code: ErrorCode): never => {
  throw new Refused(code);
};

export const licensed = (u: ModelUser | undefined) => u?.status === 'active' && u.license?.status === 'active';
const licensesIn = (m: ModelState, country: string) => [...m.users.values()].filter((u) => licensed(u) && u.license!.country === country).length;
const numbersIn = (m: ModelState, country: string) => [...m.numbers.values()].some((n) => n.active && n.country === country);
export const seatsUsed = (m: ModelState) => [...m.users.values()].filter(licensed).length;

export function userOf(m: ModelState, id: string): ModelUser {
  return m.users.get(id) ?? refuse('NOT_FOUND');
}

/**
 * R9 and R6: whether the actor may make this kind of change at all. It is judged before the
 * idempotency key is looked up and before the target is looked for (R13).
 */
export function checkStanding(m: ModelState, c: ModelCommand): void {
  if (c.op === 'deleteUser' || c.op === 'passTime') return;
  const actor = m.users.get(c.actor);
  if (c.op === 'takeTask') {
    if (!licensed(actor)) refuse('FORBIDDEN');
    return;
  }
  if (m.serviceActors.includes(c.actor)) return;
  if (!actor || actor.status !== 'active' || actor.role !== 'admin') refuse('FORBIDDEN');
}

export function checkSelf(m: ModelState, actorId: string, targetId: string): void {
  if (actorId === targetId && !m.serviceActors.includes(actorId)) refuse('CANNOT_DEACTIVATE_SELF');
}

function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) refuse('VERSION_CONFLICT');
}

export function checkLastLicense(m: ModelState, u: ModelUser): void {
  if (licensed(u) && licensesIn(m, u.license!.country) <= 1 && numbersIn(m, u.license!.country)) refuse('LAST_LICENSE_IN_COUNTRY');
}

function checkTarget(m: ModelState, targetId: string, ownerId: string): void {
  const target = m.users.get(targetId) ?? refuse('NOT_FOUND');
  if (targetId === ownerId || !licensed(target)) refuse('INVALID_REASSIGN_TARGET');
}

export function checkLastAdmin(m: ModelState, u: ModelUser): void {
  if (u.role === 'admin' && [...m.users.values()].filter((x) => x.role === 'admin' && x.status === 'active').length <= 1) refuse('LAST_ADMIN');
}

/** R2's writes, shared by R3. */
export function dropLicense(m: ModelState, id: string, u: ModelUser): void {
  u.license = { ...u.license!, status: 'inactive' };
  for (const task of m.tasks.values()) {
    if (task.assigneeId === id && task.state === 'created' && !task.transferable) {
      task.transferable = true;
      task.version += 1;
    }
  }
  for (const [brain, members] of m.brains) m.brains.set(brain, members.filter((member) => member !== id));
}

export type ModelCommand =
  | { op: 'deactivateLicense'; actor: string; target: string; expectedVersion?: number }
  | { op: 'deactivateUser'; actor: string; target: string; expectedVersion?: number }
  | { op: 'reactivateUser'; actor: string; target: string; expectedVersion?: number }
  | { op: 'assignLicense'; actor: string; target: string; country: string; expectedVersion?: number }
  | { op: 'reassignContacts'; actor: string; from: string; to: string[]; contactIds?: string[] }
  | { op: 'takeTask'; actor: string; task: string; expectedVersion?: number }
  | { op: 'transferTasks'; actor: string; from: string; to: string }
  | { op: 'deactivatePhoneNumber'; actor: string; number: string; expectedVersion?: number }
  | { op: 'deleteUser'; actor: string; target: string }
  /** R15: `hours` after the demo's now, which may have passed by the time the command runs. */
  | { op: 'scheduleDeactivation'; actor: string; target: string; scope: ScheduleScope; hours: number }
  | { op: 'cancelScheduledDeactivation'; actor: string; schedule: string; expectedVersion?: number }
  /** R15: the clock moves on and the runner performs what is due; it never refuses. */
  | { op: 'passTime'; hours: number };

/** Applies `command` to the model, or throws `Refused` with the code the rules give; standing is checked first. */
export function applyToModel(m: ModelState, c: ModelCommand): void {
  checkStanding(m, c);
  switch (c.op) {
    case 'deactivateLicense': {
      const u = userOf(m, c.target);
      checkSelf(m, c.actor, c.target);
      checkVersion(u.version, c.expectedVersion);
      if (!licensed(u)) refuse('NO_LICENSE');
      checkLastLicense(m, u);
      dropLicense(m, c.target, u);
      u.version += 1;
      m.audits += settleMootSchedules(m, c.target, 'license');
      break;
    }
    case 'deactivateUser': {
      const u = userOf(m, c.target);
      checkSelf(m, c.actor, c.target);
      checkVersion(u.version, c.expectedVersion);
      if (u.status === 'inactive') refuse('ALREADY_INACTIVE');
      checkLastAdmin(m, u);
      checkLastLicense(m, u);
      deactivateUserInModel(m, c.target, u);
      m.audits += settleMootSchedules(m, c.target, 'user');
      break;
    }
    case 'reactivateUser': {
      const u = userOf(m, c.target);
      checkVersion(u.version, c.expectedVersion);
      if (u.status === 'active') refuse('ALREADY_ACTIVE');
      u.status = 'active';
      u.version += 1;
      break;
    }
    case 'assignLicense': {
      const u = userOf(m, c.target);
      checkVersion(u.version, c.expectedVersion);
      if (u.status === 'inactive') refuse('USER_INACTIVE');
      if (u.license?.status === 'active') refuse('LICENSE_ALREADY_ACTIVE');
      if (seatsUsed(m) >= m.seatsTotal) refuse('NO_SEATS_AVAILABLE');
      u.license = { country: c.country, status: 'active' };
      u.version += 1;
      for (const task of m.tasks.values()) {
        if (task.assigneeId === c.target && task.state === 'created' && task.transferable) {
          task.transferable = false;
          task.version += 1;
        }
      }
      break;
    }
    case 'reassignContacts': {
      userOf(m, c.from);
      for (const target of c.to) checkTarget(m, target, c.from);
      if (c.contactIds?.some((id) => !m.contacts.has(id))) refuse('NOT_FOUND');
      if (c.contactIds?.some((id) => m.contacts.get(id)!.ownerId !== c.from)) refuse('VERSION_CONFLICT');
      const ids = (c.contactIds ?? [...m.contacts].filter(([, contact]) => contact.ownerId === c.from).map(([id]) => id)).sort();
      if (ids.length === 0) refuse('VALIDATION_FAILED');
      ids.forEach((id, i) => {
        const contact = m.contacts.get(id)!;
        contact.ownerId = c.to[i % c.to.length]!;
        contact.version += 1;
      });
      break;
    }
    case 'takeTask': {
      const task = m.tasks.get(c.task) ?? refuse('NOT_FOUND');
      checkVersion(task.version, c.expectedVersion);
      if (task.state !== 'created' || !task.transferable) refuse('TASK_NOT_TRANSFERABLE');
      Object.assign(task, { assigneeId: c.actor, transferable: false, version: task.version + 1 });
      break;
    }
    case 'transferTasks': {
      userOf(m, c.from);
      checkTarget(m, c.to, c.from);
      const open = [...m.tasks.values()].filter((task) => task.assigneeId === c.from && task.state === 'created');
      if (open.length === 0) refuse('VALIDATION_FAILED');
      for (const task of open) Object.assign(task, { assigneeId: c.to, transferable: false, version: task.version + 1 });
      break;
    }
    case 'deactivatePhoneNumber': {
      const number = m.numbers.get(c.number) ?? refuse('NOT_FOUND');
      checkVersion(number.version, c.expectedVersion);
      if (!number.active) refuse('ALREADY_INACTIVE');
      number.active = false;
      number.version += 1;
      break;
    }
    case 'deleteUser':
      refuse('DELETION_NOT_SUPPORTED');
      break;
    case 'scheduleDeactivation':
      scheduleInModel(m, c);
      break;
    case 'cancelScheduledDeactivation':
      cancelInModel(m, c);
      break;
    case 'passTime':
      // A pass writes the entries of what it performs, and no entry of its own.
      passTimeInModel(m, c.hours);
      return;
  }
  m.audits += 1;
}

/** R3's writes (with R2's when licensed); its guards have passed. */
export function deactivateUserInModel(m: ModelState, id: string, u: ModelUser): void {
  if (licensed(u)) dropLicense(m, id, u);
  u.status = 'inactive';
  u.version += 1;
}
