import type { EffectLine } from '@offboard/core';
import { useId } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';

/** What an action will do, listed before anyone confirms it: the core's lines, in the locale's words. */
export function EffectsList({ lines }: { lines: readonly EffectLine[] }) {
  const messages = useMessages();
  const headingId = useId();
  return (
    <section {...part('effects')} aria-labelledby={headingId}>
      <h3 id={headingId} {...part('effects-heading')}>
        {messages.t('effects.heading')}
      </h3>
      <ul {...part('effect-list')}>
        {lines.length === 0 ? <li {...part('effect')}>{messages.t('effects.none')}</li> : null}
        {lines.map((line) => (
          <li key={line.key} {...part('effect')} data-effect={line.key}>
            {messages.effect(line)}
          </li>
        ))}
      </ul>
    </section>
  );
}
