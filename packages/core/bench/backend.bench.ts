/**
 * The in-memory backend at scale, against a floor: plain Maps making the same record moves and
 * reads with the ids handed to them (no validation, no guards, no indexes, no audit, no rollback
 * log, no cursors).
 * Also shows that an operation's cost follows the records it touches, not the organisation's size.
 */
import { type Contact, type OffboardData, type PhoneNumber, type SalesBrain, type Task, type User } from '../src';
import { createInMemoryBackend } from '../src/inMemory';
import { DEMO_ORGANISATION_ID, generateOrganisation } from '../src/fixtures';
import { measurePair, ms, spread, type Row, type Sample } from './measure';

// The bench is its own server: it names the caller (an admin of the generated organisation), as authenticate would.
const ctx = { organisationId: DEMO_ORGANISATION_ID, actorId: 'u-0000001' };
/** The users listing's order: lower-cased name, then id. */
const userKey = (user: User) => `${user.name.toLowerCase()}\u0000${user.id}`;
const FOCUS = 'u-focus';

/** The floor: what moving the same records costs with nothing else going on. */
class Floor {
  readonly users: Map<string, User>;
  readonly contacts: Map<string, Contact>;
  readonly tasks: Map<string, Task>;
  readonly brains: Map<string, SalesBrain>;
  readonly numbers: Map<string, PhoneNumber>;
  constructor(data: OffboardData) {
    this.users = new Map(data.users.map((u) => [u.id, u]));
    this.contacts = new Map(data.contacts.map((c) => [c.id, c]));
    this.tasks = new Map(data.tasks.map((t) => [t.id, t]));
    this.brains = new Map(data.salesBrains.map((b) => [b.id, b]));
    this.numbers = new Map(data.phoneNumbers.map((n) => [n.id, n]));
  }
  setLicense(userId: string, active: boolean, taskIds: readonly string[], brainIds: readonly string[]) {
    const user = this.users.get(userId)!;
    this.users.set(userId, { ...user, license: { country: user.license!.country, status: active ? 'active' : 'inactive' }, version: user.version + 1 });
    for (const id of taskIds) {
      const task = this.tasks.get(id)!;
      if (task.state === 'created') this.tasks.set(id, { ...task, transferable: !active, transferReason: active ? null : 'User deactivated', version: task.version + 1 });
    }
    if (!active) for (const id of brainIds) {
      const brain = this.brains.get(id)!;
      this.brains.set(id, { ...brain, memberIds: brain.memberIds.filter((member) => member !== userId) });
    }
  }
  /** The records a plan reads: the user, its open tasks, its Sales Brains, its country's numbers. */
  plan(userId: string, contacts: number, taskIds: readonly string[], brainIds: readonly string[], numberIds: readonly string[]) {
    let open = 0;
    let transferable = 0;
    for (const id of taskIds) {
      const task = this.tasks.get(id)!;
      if (task.state !== 'created') continue;
      open += 1;
      if (task.transferable) transferable += 1;
    }
    const brains = brainIds.map((id) => ({ id, name: this.brains.get(id)!.name }));
    const activeNumbers = numberIds.filter((id) => this.numbers.get(id)!.status === 'active');
    return { user: { ...this.users.get(userId)! }, contacts, open, transferable, brains, activeNumbers };
  }
  /** Every page of `limit` records, in an order handed to it, each record copied as it leaves. */
  pageAll<T>(records: Map<string, T>, sortedIds: readonly string[], limit: number, copy: (record: T) => T) {
    let pages = 0;
    for (let start = 0; start < sortedIds.length; start += limit, pages += 1) sortedIds.slice(start, start + limit).map((id) => copy(records.get(id)!));
    return pages;
  }
  move(contactIds: readonly string[], to: string) {
    for (const id of contactIds) {
      const contact = this.contacts.get(id)!;
      this.contacts.set(id, { ...contact, ownerId: to, version: contact.version + 1 });
    }
  }
}

async function scenario(baseContacts: number, focus: { contacts: number; tasks: number }, runs: number) {
  const data = generateOrganisation({ seed: 42, contacts: baseContacts, focus });
  const backend = createInMemoryBackend({ data });
  const floor = new Floor(data);
  const taskIds = data.tasks.filter((t) => t.assigneeId === FOCUS).map((t) => t.id);
  const brainIds = data.salesBrains.filter((b) => b.memberIds.includes(FOCUS)).map((b) => b.id);
  const focusContacts = data.contacts.filter((c) => c.ownerId === FOCUS).map((c) => c.id);
  // Two salespeople with no contacts of their own receive the reassignments back and forth.
  const [a, b] = ['u-0000001', 'u-0000002'];
  for (const id of [a, b]) {
    const owned = (await backend.listContacts({ ownerId: id, limit: 1 }, ctx)).total;
    if (owned) await backend.reassignContacts({ fromOwnerId: id, toUserIds: [id === a ? b : a] }, ctx);
  }
  await backend.reassignContacts({ fromOwnerId: b, toUserIds: [a] }, ctx).catch(() => undefined);

  const results: Record<string, { ours: Sample; floor?: Sample }> = {};
  const relicense = () => backend.assignLicense(FOCUS, { country: 'ES' }, ctx);
  const licensed = async () => {
    const user = await backend.getUser(FOCUS, ctx);
    if (user.status === 'inactive') await backend.reactivateUser(FOCUS, ctx);
    if (user.license?.status !== 'active') await relicense();
  };
  const floorLicense = { prepare: () => floor.setLicense(FOCUS, true, taskIds, brainIds), run: () => floor.setLicense(FOCUS, false, taskIds, brainIds) };
  const [license, licenseFloor] = await measurePair(runs, { prepare: licensed, run: () => backend.deactivateLicense(FOCUS, ctx) }, floorLicense);
  results.deactivateLicense = { ours: license, floor: licenseFloor };
  const [user, userFloor] = await measurePair(runs, { prepare: licensed, run: () => backend.deactivateUser(FOCUS, ctx) }, floorLicense);
  results.deactivateUser = { ours: user, floor: userFloor };
  await licensed();
  let holder = FOCUS;
  let ids = focusContacts;
  const [reassign, reassignFloor] = await measurePair(
    runs,
    {
      prepare: () => undefined,
      run: async () => {
        const to = holder === FOCUS ? a : FOCUS;
        await backend.reassignContacts({ fromOwnerId: holder, toUserIds: [to] }, ctx);
        holder = to;
      },
    },
    {
      prepare: () => undefined,
      run: () => {
        floor.move(ids, ids === focusContacts ? a : FOCUS);
        ids = ids === focusContacts ? [...ids] : focusContacts;
      },
    },
  );
  results.reassignAll = { ours: reassign, floor: reassignFloor };
  const country = data.users.find((user) => user.id === holder)!.license?.country;
  const numberIds = data.phoneNumbers.filter((n) => n.country === country).map((n) => n.id);
  const holderContacts = (await backend.listContacts({ ownerId: holder, limit: 1 }, ctx)).total;
  const [plan, planFloor] = await measurePair(
    runs,
    { prepare: () => undefined, run: () => backend.getOffboardingPlan(holder, {}, ctx) },
    { prepare: () => undefined, run: () => floor.plan(holder, holderContacts, taskIds, brainIds, numberIds) },
  );
  results.plan = { ours: plan, floor: planFloor };
  const pageAll = async (list: (cursor: string | null) => Promise<{ nextCursor: string | null }>) => {
    let cursor: string | null = null;
    let pages = 0;
    do {
      cursor = (await list(cursor)).nextCursor;
      pages += 1;
    } while (cursor);
    return pages;
  };
  // A pass takes a couple of milliseconds: each run times 10 and reports one, to stay well above
  // the timer's and the scheduler's noise.
  const PASSES = 10;
  const passes = (run: () => unknown) => async () => {
    for (let i = 0; i < PASSES; i++) await run();
  };
  const perPass = (sample: Sample): Sample => ({ ...sample, median: sample.median / PASSES, min: sample.min / PASSES, max: sample.max / PASSES });
  let userPages = 0;
  let contactPages = 0;
  const userOrder = [...data.users].sort((x, y) => userKey(x).localeCompare(userKey(y))).map((user) => user.id);
  const contactOrder = (holder === FOCUS ? focusContacts : [...floor.contacts.values()].filter((c) => c.ownerId === holder).map((c) => c.id)).sort();
  const [pageUsers, pageUsersFloor] = await measurePair(
    runs,
    { prepare: () => undefined, run: passes(async () => (userPages = await pageAll((cursor) => backend.listUsers({ status: 'all', limit: 500, cursor }, ctx)))) },
    // A user handed out must not share its license with the store: the floor copies both too.
    { prepare: () => undefined, run: passes(() => floor.pageAll(floor.users, userOrder, 500, (user) => ({ ...user, license: user.license && { ...user.license } }))) },
  );
  results.pageUsers = { ours: perPass(pageUsers), floor: perPass(pageUsersFloor) };
  const [pageContacts, pageContactsFloor] = await measurePair(
    runs,
    { prepare: () => undefined, run: passes(async () => (contactPages = await pageAll((cursor) => backend.listContacts({ ownerId: holder, limit: 500, cursor }, ctx)))) },
    { prepare: () => undefined, run: passes(() => floor.pageAll(floor.contacts, contactOrder, 500, (contact) => ({ ...contact }))) },
  );
  results.pageContacts = { ours: perPass(pageContacts), floor: perPass(pageContactsFloor) };
  return { results, users: data.users.length, contacts: data.contacts.length, userPages, contactPages };
}

export async function backendBenchmarks(): Promise<Row[]> {
  const rows: Row[] = [];
  const flat: Record<string, { ours: number[]; floor: number[] }> = {};
  const focus = { contacts: 5_000, tasks: 2_500 };
  for (const base of [10_000, 100_000, 1_000_000]) {
    const { results } = await scenario(base, focus, 7);
    for (const [op, { ours, floor }] of Object.entries(results)) {
      if (op.startsWith('page')) continue;
      const sizes = (flat[op] ??= { ours: [], floor: [] });
      sizes.ours.push(ours.median);
      sizes.floor.push(floor!.median);
    }
  }
  for (const [op, sizes] of Object.entries(flat)) {
    const ratio = Math.max(...sizes.ours) / Math.min(...sizes.ours);
    rows.push({
      group: 'backend: cost vs org size',
      name: `${op}, owner of 5k contacts / 2.5k tasks`,
      value: sizes.ours.map(ms).join(' / ') + ' ms',
      detail: `orgs of 10k / 100k / 1M contacts; floor ${sizes.floor.map(ms).join(' / ')} ms`,
      goal: 'flat (max/min ≤ 3)',
      ok: ratio <= 3,
    });
  }
  const big = await scenario(1_000_000, { contacts: 100_000, tasks: 50_000 }, 5);
  const label: Record<string, string> = {
    deactivateLicense: 'deactivate license (100k contacts, 50k tasks)',
    deactivateUser: 'deactivate user (100k contacts, 50k tasks)',
    reassignAll: 'reassign 100k contacts',
    plan: 'offboarding plan of that owner',
    pageUsers: `page through ${big.users.toLocaleString('en')} users (${big.userPages} pages)`,
    pageContacts: `page through 100k contacts (${big.contactPages} pages)`,
  };
  for (const [op, { ours, floor }] of Object.entries(big.results)) {
    const ratio = floor ? ours.median / floor.median : undefined;
    rows.push({
      group: 'backend: 1.1M-contact org',
      name: label[op]!,
      value: `${ms(ours.median)} ms`,
      detail: `spread ${spread(ours)} ms${floor ? `; floor ${ms(floor.median)} ms` : ''}`,
      ...(ratio !== undefined ? { goal: `≤ 2× floor (${ratio.toFixed(2)}×)`, ok: ratio <= 2 } : {}),
    });
  }
  return rows;
}
