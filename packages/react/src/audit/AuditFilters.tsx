import { AUDIT_ACTIONS, type User } from '@offboard/core';
import type { AuditFilterFields } from '@offboard/core/audit';
import { useId } from 'react';
import { part } from '../parts/partProps';
import { useMessages } from '../provider/OffboardContext';

interface AuditFiltersProps {
  fields: AuditFilterFields;
  onChange(fields: AuditFilterFields): void;
  /** Everyone the log may name, for the "who" and "about" choices. */
  users: readonly User[];
  /** Whether the date range is the wrong way round (the core's `VALIDATION_FAILED` on `toDay`). */
  invalidRange: boolean;
  /** Leaves out the "about" choice: a user's history is already about one person. */
  withTarget?: boolean;
}

/** Who, about whom, which action and which days: each change applies at once. */
export function AuditFilters({ fields, onChange, users, invalidRange, withTarget = true }: AuditFiltersProps) {
  const messages = useMessages();
  const id = useId();
  const set = (name: keyof AuditFilterFields) => (event: { target: { value: string } }) => onChange({ ...fields, [name]: event.target.value });
  const people = [...users].sort((a, b) => a.name.localeCompare(b.name, messages.locale));
  const userSelect = (name: 'actorId' | 'targetId', label: string) => (
    <div {...part('audit-filter')}>
      <label htmlFor={`${id}-${name}`} {...part('field-label')}>
        {label}
      </label>
      <select id={`${id}-${name}`} {...part('audit-filter-select')} value={fields[name] ?? ''} onChange={set(name)}>
        <option value="">{messages.t('audit.filter.any')}</option>
        {people.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
    </div>
  );
  const any = Object.values(fields).some(Boolean);

  return (
    <fieldset {...part('audit-filters')}>
      <legend {...part('audit-filters-legend')}>{messages.t('audit.filters')}</legend>
      {userSelect('actorId', messages.t('audit.filter.actor'))}
      {withTarget ? userSelect('targetId', messages.t('audit.filter.target')) : null}
      <div {...part('audit-filter')}>
        <label htmlFor={`${id}-action`} {...part('field-label')}>
          {messages.t('audit.filter.action')}
        </label>
        <select id={`${id}-action`} {...part('audit-filter-select')} value={fields.action ?? ''} onChange={set('action')}>
          <option value="">{messages.t('audit.filter.anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {messages.t(`audit.action.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div {...part('audit-filter')}>
        <label htmlFor={`${id}-from`} {...part('field-label')}>
          {messages.t('audit.filter.from')}
        </label>
        <input id={`${id}-from`} type="date" {...part('audit-filter-date')} value={fields.fromDay ?? ''} onChange={set('fromDay')} />
      </div>
      <div {...part('audit-filter')}>
        <label htmlFor={`${id}-to`} {...part('field-label')}>
          {messages.t('audit.filter.to')}
        </label>
        <input
          id={`${id}-to`}
          type="date"
          {...part('audit-filter-date')}
          value={fields.toDay ?? ''}
          onChange={set('toDay')}
          aria-invalid={invalidRange || undefined}
          aria-describedby={invalidRange ? `${id}-range` : undefined}
        />
      </div>
      {invalidRange ? (
        <p id={`${id}-range`} role="alert" {...part('audit-filter-error')}>
          {messages.t('audit.filter.invalidRange')}
        </p>
      ) : null}
      {any ? (
        <button type="button" {...part('audit-filter-clear')} onClick={() => onChange(withTarget ? {} : { targetId: fields.targetId ?? '' })}>
          {messages.t('audit.filter.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
