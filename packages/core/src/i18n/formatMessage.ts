import { formatNumber, pluralRules } from './intl';
import type { Message, MessageValues } from './message';

function selectTemplate(locale: string, message: Message, count: unknown): string {
  if (typeof message === 'string') return message;
  if (typeof count !== 'number') return message.other;
  return message[`=${count}`] ?? message[pluralRules(locale).select(count)] ?? message.other;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(locale: string, message: Message, values: MessageValues = {}): string {
  return selectTemplate(locale, message, values.count).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}
