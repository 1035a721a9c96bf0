import { describe, expect, it } from 'vitest';
import { createInMemoryBackend } from '../../src/inMemory';
import { decodeCursor, encodeCursor, paginate } from '../../src/inMemory/paginate';
import { refusal } from '../../src/testing';
import { SMALL_ORGANISATION_ID, smallOrganisation } from './smallOrganisation';

const itself = (key: string) => key;

describe('cursor encoding', () => {
  it('is base64url without padding: "+" becomes "-", "/" becomes "_", trailing "=" go', () => {
    // ">>>" is 0x3e3e3e, base64 "Pj4+"; "???" is 0x3f3f3f, base64 "Pz8/"; "a" is "YQ==".
    expect(encodeCursor('>>>')).toBe('Pj4-');
    expect(encodeCursor('???')).toBe('Pz8_');
    expect(encodeCursor('a')).toBe('YQ');
    expect(encodeCursor('ab')).toBe('YWI');
    expect(encodeCursor('')).toBe('');
  });

  it('decodes what it encodes, "-" and "_" included, and UTF-8 beyond ASCII', () => {
    expect(decodeCursor('Pj4-')).toBe('>>>');
    expect(decodeCursor('Pz8_')).toBe('???');
    expect(decodeCursor('YQ')).toBe('a');
    for (const key of ['>>>???', 'josé\u0000u-1', 'Ærøskøbing', '日本\u0000u-9']) expect(decodeCursor(encodeCursor(key))).toBe(key);
  });

  it('refuses a cursor that is not base64 of UTF-8 with VALIDATION_FAILED on query.cursor', async () => {
    // "_w" is the byte 0xff: base64 fine, UTF-8 not; "A" is no base64 at all.
    for (const cursor of ['_w', 'A']) {
      const error = await refusal(Promise.resolve().then(() => decodeCursor(cursor)), 'VALIDATION_FAILED');
      expect(error.details).toEqual({ field: 'query.cursor' });
      expect(error.message).toBe('query.cursor is not a cursor from a previous page');
    }
  });

  it('a backend refuses a forged cursor the same way, through its listing', async () => {
    const backend = createInMemoryBackend({ data: smallOrganisation() });
    const listing = backend.listTasks({ cursor: '_w' }, { organisationId: SMALL_ORGANISATION_ID, actorId: 'svc', kind: 'service' });
    await expect(listing).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'query.cursor' },
      message: 'query.cursor is not a cursor from a previous page',
    });
  });
});

describe('paginate', () => {
  const keys = ['a', 'b', 'c', 'd'];

  it('a last page that ends exactly at the limit has no next cursor', () => {
    const first = paginate(keys, itself, { limit: 2 }, itself);
    expect(first).toEqual({ items: ['a', 'b'], nextCursor: encodeCursor('b'), total: 4 });
    expect(paginate(keys, itself, { limit: 2, cursor: first.nextCursor }, itself)).toEqual({ items: ['c', 'd'], nextCursor: null, total: 4 });
    expect(paginate(keys, itself, { limit: 4 }, itself)).toEqual({ items: keys, nextCursor: null, total: 4 });
    expect(paginate(keys, itself, { limit: 3 }, itself)).toEqual({ items: ['a', 'b', 'c'], nextCursor: encodeCursor('c'), total: 4 });
  });

  it('an empty page has no next cursor, whatever the limit (0 included)', () => {
    expect(paginate(keys, itself, { limit: 0 }, itself)).toEqual({ items: [], nextCursor: null, total: 4 });
    expect(paginate(keys, itself, { limit: 2, cursor: encodeCursor('d') }, itself)).toEqual({ items: [], nextCursor: null, total: 4 });
    expect(paginate([], itself, {}, itself)).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
