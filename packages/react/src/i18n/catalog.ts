import { en } from './en';
import { es } from './es';
import type { Message } from './message';

export type MessageKey = keyof typeof en;
/** A full catalog: every key the kit shows, in one language. */
export type Catalog = Readonly<Record<MessageKey, Message>>;

const BUILT_IN: Readonly<Record<string, Catalog>> = { en, es };

/**
 * The built-in catalog for a BCP 47 locale by its language ("es-MX" → Spanish), English when
 * there is none; a host's messages are laid over it, so it may also supply a whole new language.
 */
export function resolveCatalog(locale: string, overrides: Partial<Catalog> = {}): Catalog {
  const language = locale.toLowerCase().split('-')[0] ?? 'en';
  return { ...(BUILT_IN[language] ?? en), ...overrides };
}
