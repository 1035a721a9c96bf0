/**
 * `@offboard/core/i18n`: the words of every view, as catalogs passed rather than looked up (a
 * host's bundle carries only the languages it uses), and the translator any binding renders with.
 */
export { resolveCatalog, type Catalog, type MessageKey } from './catalog';
export { createTranslator, type Explainable, type Translator } from './createTranslator';
export { en, type DomainMessageKey } from './en';
export { es } from './es';
export { formatMessage } from './formatMessage';
export type { Message, MessageValues, PluralMessage } from './message';
export { text, type Text } from './text';
export { formatPhoneNumber } from './phoneNumber';
