import type { ReasonView } from '@offboard/core/machines';
import { useId } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { part } from './partProps';

/**
 * R14: the reason of a deactivation, as the core's `ReasonView` says it: a radio group of the four
 * codes (native radios: one tab stop, arrow keys move and choose) and an optional note, its
 * length capped as the contract caps it. Read-only while the request is sent or awaits its retry.
 */
export function ReasonFields({ reason }: { reason: ReasonView }) {
  const messages = useMessages();
  const name = useId();
  const noteId = useId();
  return (
    <fieldset {...part('reason-fields', reason.locked ? 'locked' : undefined)}>
      <legend {...part('reason-legend')}>{messages.text(reason.legend)}</legend>
      <div {...part('reason-options')}>
        {reason.options.map((option) => (
          <label key={option.code} {...part('reason-option', option.checked ? 'checked' : undefined)}>
            <input
              type="radio"
              name={name}
              value={option.code}
              checked={option.checked}
              aria-disabled={reason.locked || undefined}
              onChange={option.select}
            />
            {messages.text(option.label)}
          </label>
        ))}
      </div>
      <label htmlFor={noteId} {...part('reason-note-label')}>
        {messages.text(reason.noteLabel)}
      </label>
      <input
        id={noteId}
        type="text"
        {...part('reason-note')}
        value={reason.note}
        maxLength={reason.noteMaxLength}
        readOnly={reason.locked}
        autoComplete="off"
        onChange={(event) => reason.setNote(event.target.value)}
      />
    </fieldset>
  );
}
