import { en } from './en';
import type { Message } from './message';

export type MessageKey = keyof typeof en;
/** A full catalog: every key the kit shows, in one language. */
export type Catalog = Readonly<Record<MessageKey, Message>>;

/**
 * English, with the host's messages laid over it: a whole catalog (`es`, or a language of the
 * host's own) or a few keys. Catalogs are passed rather than looked up by locale, so a host's
 * bundle carries only the languages it uses.
 */
export function resolveCatalog(overrides: Partial<Catalog> = {}): Catalog {
  return { ...en, ...overrides };
}
