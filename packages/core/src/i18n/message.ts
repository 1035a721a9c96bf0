/**
 * A message is a template with `{placeholders}`, or one template per plural category chosen by
 * `Intl.PluralRules` from the `count` value. `=0`-style keys match an exact count first (ICU).
 */
export type PluralMessage = {
  readonly other: string;
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly [exact: `=${number}`]: string;
};

export type Message = string | PluralMessage;

/** Values for placeholders; numbers are formatted for the locale, `count` also picks the plural. */
export type MessageValues = Readonly<Record<string, string | number>>;
