import type { Page } from '../adapter/OffboardAdapter';
import { OffboardError } from '../errors/OffboardError';

export const DEFAULT_PAGE_SIZE = 50;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeCursor(key: string): string {
  let binary = '';
  for (const byte of encoder.encode(key)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): string {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return decoder.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    throw new OffboardError('VALIDATION_FAILED', { field: 'query.cursor' }, 'query.cursor is not a cursor from a previous page');
  }
}

/** First index whose key sorts after `after`, in an array sorted by `keyOf`. */
function firstAfter<T>(sorted: readonly T[], keyOf: (item: T) => string, after: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(sorted[mid]!) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Keyset paging: the cursor is the sort key of the last item returned, so a page costs
 * O(log n + limit) and records changing between pages never repeat or skip the others.
 */
export function paginate<T, R = T>(
  sorted: readonly T[],
  keyOf: (item: T) => string,
  request: { readonly cursor?: string | null; readonly limit?: number },
  view: (item: T) => R,
): Page<R> {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const start = request.cursor ? firstAfter(sorted, keyOf, decodeCursor(request.cursor)) : 0;
  const slice = sorted.slice(start, start + limit);
  const last = slice[slice.length - 1];
  return {
    items: slice.map(view),
    nextCursor: last !== undefined && start + limit < sorted.length ? encodeCursor(keyOf(last)) : null,
    total: sorted.length,
  };
}
