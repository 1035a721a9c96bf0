import type { Page } from './OffboardAdapter';

/** Every item of a cursor-paged list, page after page, for the lists a caller needs whole. */
export async function readAllPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
