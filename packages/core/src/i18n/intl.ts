/**
 * Cached Intl formatters: building one costs far more than using it, and a table re-renders
 * many rows with the same locale.
 */
const cache = new Map<string, unknown>();

function cached<T>(key: string, create: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

export const pluralRules = (locale: string) => cached(`plural:${locale}`, () => new Intl.PluralRules(locale));

export const formatNumber = (locale: string, value: number) => cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);

export const formatDateTime = (locale: string, value: string | Date) =>
  cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(
    typeof value === 'string' ? new Date(value) : value,
  );

export const formatList = (locale: string, items: readonly string[]) =>
  cached(`list:${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);

/** The region's name in the locale ("CO" → "Colombia"), or the code when Intl does not know it. */
export function formatCountry(locale: string, code: string): string {
  try {
    return cached(`region:${locale}`, () => new Intl.DisplayNames(locale, { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * An instant as a viewer reads it: in their locale and their own time zone, which it names
 * ("1 Dec 2026, 09:00 CET"), since a schedule runs at one instant for everyone.
 */
export const formatInstant = (locale: string, value: string) =>
  cached(`instant:${locale}`, () =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
  ).format(new Date(value));
