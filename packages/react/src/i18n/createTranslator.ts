import { FORBIDDEN_MESSAGES, isErrorCode, type ErrorDetails, type ForbiddenReason, type ReasonCode } from '@offboard/core';
import type { Catalog, MessageKey } from './catalog';
import { formatMessage } from './formatMessage';
import { formatCountry, formatDateTime, formatList, formatNumber } from './intl';
import type { MessageValues } from './message';

/** Anything with a code and details: a plan's `Reason` or an `OffboardError`. */
export interface Explainable {
  readonly code: ReasonCode;
  readonly details: ErrorDetails;
}

/** Words and formats for one locale; components get it from `useMessages()`. */
export interface Translator {
  readonly locale: string;
  t(key: MessageKey, values?: MessageValues): string;
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

/** Plan reasons carry their count as `contacts` or `tasks`; plural messages read it as `count`. */
function reasonValues({ details }: Explainable): MessageValues {
  const count = typeof details.contacts === 'number' ? details.contacts : typeof details.tasks === 'number' ? details.tasks : undefined;
  return count === undefined ? {} : { count };
}

export function createTranslator(locale: string, catalog: Catalog): Translator {
  const t = (key: MessageKey, values?: MessageValues) => formatMessage(locale, catalog[key], values);
  return {
    locale,
    t,
    explain: (reason) => t(reasonKey(reason), reasonValues(reason)),
    number: (value) => formatNumber(locale, value),
    date: (value) => formatDateTime(locale, value),
    list: (items) => formatList(locale, items),
    country: (code) => formatCountry(locale, code),
  };
}
