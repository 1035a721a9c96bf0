import { OffboardError } from '@offboard/core';

/**
 * Opaque cursors: the sort key of a page's last row, as URL-safe base64 of its UTF-8 bytes. Made
 * with TextEncoder and btoa rather than Buffer, so the package also runs where PGlite runs in a
 * browser.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeCursor(key: string): string {
  let binary = '';
  for (const byte of encoder.encode(key)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const invalidCursor = () => new OffboardError('VALIDATION_FAILED', { field: 'query.cursor' }, 'query.cursor is not a cursor from a previous page');

export function decodeCursor(cursor: string): string {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return decoder.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    throw invalidCursor();
  }
}
