import type { Caller } from '../adapter/context';
import type { ListUsersQuery, OffboardAdapter } from '../adapter/OffboardAdapter';
import { MAX_PAGE_SIZE } from '../contract/schemas';
import type { User } from '../domain/types';
import { ScimRefusal } from './errors';
import { SCIM_MAX_RESULTS } from './resources';

/**
 * SCIM pages by index (`startIndex`, 1-based, and `count`, RFC 7644 §3.4.2.4); the adapter pages by
 * opaque cursor. The bridge walks the adapter's pages from the start, skipping what comes before
 * `startIndex`: a page at `startIndex = s` reads `s - 1 + count` users in ⌈(s - 1 + count) / 500⌉
 * calls. Identity providers page in order (1, 101, 201…), so the cursor where each answered page
 * ended is kept for a while: the next page starts there, in one call, whatever its index.
 */
export interface PageWindow {
  /** 1-based. */
  readonly startIndex: number;
  /** 0–`SCIM_MAX_RESULTS`; 0 answers `totalResults` only. */
  readonly count: number;
}

const INTEGER = /^-?\d{1,15}$/;

/**
 * RFC 7644 §3.4.2.4: a `startIndex` below 1 is 1, a negative `count` is 0; a `count` above the
 * maximum is answered with at most the maximum (the response's `itemsPerPage` says how many).
 */
export function pageWindowOf(params: URLSearchParams): PageWindow {
  const integer = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    if (!INTEGER.test(raw)) throw new ScimRefusal(400, `${name} must be an integer.`, 'invalidValue');
    return Number(raw);
  };
  return {
    startIndex: Math.max(1, integer('startIndex', 1)),
    count: Math.min(SCIM_MAX_RESULTS, Math.max(0, integer('count', SCIM_MAX_RESULTS))),
  };
}

/** Where the pages of a listing start, by offset, for a caller: bounded in size and in age. */
export class CursorCache {
  private readonly entries = new Map<string, { cursor: string; at: number }>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private static key(caller: Caller, query: ListUsersQuery, offset: number): string {
    return JSON.stringify([caller.organisationId, caller.actorId, query.status ?? null, query.search ?? null, offset]);
  }

  get(caller: Caller, query: ListUsersQuery, offset: number): string | undefined {
    const key = CursorCache.key(caller, query, offset);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.at > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.cursor;
  }

  set(caller: Caller, query: ListUsersQuery, offset: number, cursor: string): void {
    const key = CursorCache.key(caller, query, offset);
    this.entries.delete(key);
    this.entries.set(key, { cursor, at: this.now() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The users at `window` of the listing `query`, and how many the listing holds, read through the
 * adapter's cursor pages (at most 500 users a call, never more than the window still needs).
 */
export async function readWindow(
  backend: OffboardAdapter,
  caller: Caller,
  query: ListUsersQuery,
  window: PageWindow,
  cursors: CursorCache,
): Promise<{ users: User[]; total: number }> {
  if (window.count === 0) return { users: [], total: (await backend.listUsers({ ...query, limit: 1 }, caller)).total };
  const offset = window.startIndex - 1;
  const users: User[] = [];
  const cached = offset > 0 ? cursors.get(caller, query, offset) : undefined;
  let position = cached === undefined ? 0 : offset;
  let cursor: string | null = cached ?? null;
  let total = 0;
  for (;;) {
    const wanted = offset + window.count - position;
    const page = await backend.listUsers({ ...query, cursor, limit: Math.min(MAX_PAGE_SIZE, Math.max(1, wanted)) }, caller);
    total = page.total;
    if (offset >= total) break;
    for (const user of page.items) {
      if (position >= offset && users.length < window.count) users.push(user);
      position += 1;
    }
    cursor = page.nextCursor;
    // An empty page with a cursor would be a backend's bug; it must not loop.
    if (cursor === null || page.items.length === 0 || users.length >= window.count || position >= total) break;
  }
  if (cursor !== null && users.length > 0) cursors.set(caller, query, position, cursor);
  return { users, total };
}

/**
 * Every user of a search listing the exact `keep` test accepts: how `userName eq` is answered.
 * The adapter's search matches names and emails by substring, so its pages are walked to the end
 * and only exact matches kept; emails are unique, so this is one user or none.
 */
export async function readMatching(backend: OffboardAdapter, caller: Caller, query: ListUsersQuery, keep: (user: User) => boolean): Promise<User[]> {
  const kept: User[] = [];
  let cursor: string | null = null;
  do {
    const page = await backend.listUsers({ ...query, cursor, limit: MAX_PAGE_SIZE }, caller);
    kept.push(...page.items.filter(keep));
    cursor = page.items.length === 0 ? null : page.nextCursor;
  } while (cursor !== null);
  return kept;
}
