import type { ScheduleFormView } from '@offboard/core/machines';
import { useId } from 'react';
import { useMessages } from '../provider/OffboardContext';
import { ConfirmationPanel } from './ConfirmationPanel';
import { part } from './partProps';
import { ReasonText } from './ReasonText';

/**
 * R15: "Deactivate on a date…" as the core's `ScheduleFormView` says it. The date and time are
 * native fields: keyboard-operable and worded by the browser in the viewer's language, no picker
 * library to ship; the core turns them into an instant in the viewer's time zone, says it back
 * with Intl, and holds the confirm button until it is in the future.
 */
export function ScheduleForm({ form, autoFocus }: { form: ScheduleFormView; autoFocus?: boolean }) {
  const messages = useMessages();
  const name = useId();
  const dateId = useId();
  const timeId = useId();
  const zoneId = useId();
  return (
    <div {...part('schedule-form', form.locked ? 'locked' : undefined)}>
      <fieldset {...part('schedule-scope')}>
        <legend>{messages.text(form.scope.legend)}</legend>
        {form.scope.options.map((option) => (
          <span key={option.value} {...part('schedule-scope-option', option.checked ? 'checked' : undefined)}>
            <label>
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={option.checked}
                disabled={option.blockedBy !== null}
                aria-describedby={option.blockedBy ? `${name}-${option.value}` : undefined}
                onChange={option.select}
              />
              {messages.text(option.label)}
            </label>
            {option.blockedBy ? <ReasonText id={`${name}-${option.value}`} reason={option.blockedBy} /> : null}
          </span>
        ))}
      </fieldset>
      <div {...part('schedule-when')}>
        <label htmlFor={dateId}>{messages.text(form.date.label)}</label>
        <input
          id={dateId}
          type="date"
          {...part('schedule-date')}
          value={form.date.value}
          min={form.date.min}
          required
          readOnly={form.locked}
          aria-describedby={zoneId}
          autoFocus={autoFocus}
          onChange={(event) => form.date.set(event.target.value)}
        />
        <label htmlFor={timeId}>{messages.text(form.time.label)}</label>
        <input
          id={timeId}
          type="time"
          {...part('schedule-time')}
          value={form.time.value}
          required
          readOnly={form.locked}
          aria-describedby={zoneId}
          onChange={(event) => form.time.set(event.target.value)}
        />
        <p id={zoneId} {...part('schedule-zone')}>
          {messages.text(form.zone)}
        </p>
        {form.when ? (
          <p {...part('schedule-instant')} aria-live="polite">
            {messages.text(form.when)}
          </p>
        ) : null}
      </div>
      <ConfirmationPanel confirmation={form.confirmation} />
    </div>
  );
}
