import { useId } from 'react';
import type { MessageValues } from '../i18n/message';
import { useMessages } from '../provider/OffboardContext';
import { EFFECT_KEYS, type EffectKey, type EffectSummary } from './effects';
import { part } from './partProps';

/** The values of one effect's message, or `null` when the effect does not happen. */
function effectValues(key: EffectKey, effects: EffectSummary, name: string, list: (items: readonly string[]) => string): MessageValues | null {
  switch (key) {
    case 'contactsOrphaned':
    case 'tasksMadeTransferable':
    case 'seatsFreed':
    case 'sessionsEnded': {
      const count = effects[key] ?? 0;
      return count > 0 ? { count, name } : null;
    }
    case 'salesBrainsLeft': {
      const brains = effects.salesBrainsLeft ?? [];
      return brains.length > 0 ? { count: brains.length, names: list(brains.map((brain) => brain.name)) } : null;
    }
    case 'seatUsed':
      return effects.seatUsed ? { used: effects.seatUsed.used, total: effects.seatUsed.total } : null;
    case 'signInRevoked':
    case 'signInRestored':
    case 'licenseNotRestored':
      return effects[key] ? { name } : null;
  }
}

/** What an action will do, listed before anyone confirms it. */
export function EffectsList({ effects, name }: { effects: EffectSummary; name: string }) {
  const messages = useMessages();
  const headingId = useId();
  const lines = EFFECT_KEYS.flatMap((key) => {
    const values = effectValues(key, effects, name, messages.list);
    return values ? [{ key, text: messages.t(`effects.${key}`, values) }] : [];
  });
  return (
    <section {...part('effects')} aria-labelledby={headingId}>
      <h3 id={headingId} {...part('effects-heading')}>
        {messages.t('effects.heading')}
      </h3>
      <ul {...part('effect-list')}>
        {lines.length === 0 ? <li {...part('effect')}>{messages.t('effects.none')}</li> : null}
        {lines.map((line) => (
          <li key={line.key} {...part('effect')} data-effect={line.key}>
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
