import type { MessageKey } from './catalog';
import type { MessageValues } from './message';

/**
 * Words as data: a message of the catalog and its values. `connect` functions describe every
 * label, title and announcement this way, so the core decides what is said and each binding only
 * looks the words up in the catalog it was given (`translator.text(text)`). A value named
 * `country` is an ISO 3166-1 code, said as the country's name in the locale; one named `step` or
 * `scenario` is an R8 step or scenario id, said as its title; one named `at` an ISO instant, said
 * in the viewer's locale and time zone.
 */
export interface Text {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

export const text = (key: MessageKey, values?: MessageValues): Text => (values ? { key, values } : { key });
