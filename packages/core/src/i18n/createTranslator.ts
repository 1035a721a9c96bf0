import { FORBIDDEN_MESSAGES, isErrorCode, type ErrorDetails, type ForbiddenReason } from '../errors/OffboardError';
import type { EffectLine } from '../rules/effects';
import type { ReasonCode } from '../rules/plan';
import type { Catalog, MessageKey } from './catalog';
import { formatMessage } from './formatMessage';
import { formatCountry, formatDateTime, formatInstant, formatList, formatNumber } from './intl';
import type { MessageValues } from './message';
import type { Text } from './text';

/** Anything with a code and details: a plan's `Reason` or an `OffboardError`. */
export interface Explainable {
  readonly code: ReasonCode;
  readonly details: ErrorDetails;
}

/** Words and formats for one locale; components get it from `useMessages()`. */
export interface Translator {
  readonly locale: string;
  t(key: MessageKey, values?: MessageValues): string;
  /** Words the core described as data (`connect`), in this catalog. */
  text(text: Text): string;
  /** One line of an action's effects, its names joined in the locale's list format. */
  effect(line: EffectLine): string;
  /** A refusal, failure or plan reason in words, by its code (never by its English message). */
  explain(reason: Explainable): string;
  number(value: number): string;
  date(value: string | Date): string;
  list(items: readonly string[]): string;
  /** "CO" → "Colombia" in the locale. */
  country(code: string): string;
}

/** A FORBIDDEN is worded by its reason (who may do or see this); one without a known reason, generically. */
function reasonKey({ code, details }: Explainable): MessageKey {
  if (code === 'FORBIDDEN' && Object.hasOwn(FORBIDDEN_MESSAGES, details.reason as string)) return `forbidden.${details.reason as ForbiddenReason}`;
  return isErrorCode(code) ? `errors.${code}` : `reasons.${code}`;
}

/**
 * Plan reasons carry their count as `contacts` or `tasks`; plural messages read it as `count`.
 * `AFTER_STEP` names the step that comes first, by `number` and `step` (said by its title).
 */
function reasonValues({ details }: Explainable): MessageValues {
  const count = typeof details.contacts === 'number' ? details.contacts : typeof details.tasks === 'number' ? details.tasks : undefined;
  return {
    ...(count === undefined ? {} : { count }),
    ...(typeof details.step === 'string' ? { step: details.step } : {}),
    ...(typeof details.number === 'number' ? { number: details.number } : {}),
  };
}

/**
 * Values that are codes: a `country` said by its name (Intl), a `step` and a `scenario` (R8) by
 * their titles, a deactivation `reason` (R14) by its words, an instant `at` (R15) in the viewer's
 * locale and time zone.
 */
function sayValues(locale: string, catalog: Catalog, values: MessageValues): MessageValues {
  const said: Record<string, string | number> = { ...values };
  if (typeof values.country === 'string') said.country = formatCountry(locale, values.country);
  if (typeof values.at === 'string') said.at = formatInstant(locale, values.at);
  for (const [name, prefix] of [['step', 'steps'], ['scenario', 'scenarios'], ['reason', 'reason']] as const) {
    const key = `${prefix}.${values[name]}`;
    if (typeof values[name] === 'string' && Object.hasOwn(catalog, key)) said[name] = formatMessage(locale, catalog[key as MessageKey]);
  }
  return said;
}

export function createTranslator(locale: string, catalog: Catalog): Translator {
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(locale, catalog[key], values);
  return {
    locale,
    t,
    text: ({ key, values }) => t(key, values && sayValues(locale, catalog, values)),
    effect: ({ key, values, names, subjects }) =>
      t(`effects.${key}`, {
        ...values,
        ...(names ? { names: formatList(locale, names) } : {}),
        ...(subjects ? { name: formatList(locale, subjects) } : {}),
      }),
    explain: (reason) => t(reasonKey(reason), sayValues(locale, catalog, reasonValues(reason))),
    number: (value) => formatNumber(locale, value),
    date: (value) => formatDateTime(locale, value),
    list: (items) => formatList(locale, items),
    country: (code) => formatCountry(locale, code),
  };
}
