export const JSON_CONTENT_TYPE = 'application/json';

/**
 * Largest request body the server reads by default (1 MiB; `maxBodyBytes` changes it). The largest
 * valid body is a reassignment of `MAX_IDS_PER_REQUEST` ids of 64 characters (≈ 0.7 MB as JSON),
 * so every valid request fits, and anything bigger is cut off as it streams in (413).
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** `application/json` and any `+json` type, such as problem documents. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === JSON_CONTENT_TYPE || type.endsWith('+json');
}

/** `baseUrl` may be absolute (`http://api.test/offboard/`) or relative to the page (`/`, `''`). */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
