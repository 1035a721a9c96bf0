import { useId } from 'react';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';

export type StatusFilter = 'active' | 'inactive';

interface UsersToolbarProps {
  /** Whether the caller may list inactive users (R12), and so choose between Active and Inactive. */
  filterable: boolean;
  status: StatusFilter;
  onStatusChange(status: StatusFilter): void;
  search: string;
  onSearchChange(search: string): void;
  selectedCount: number;
  onDeactivateLicenses(): void;
}

/** Active / Inactive filter, search, and the bulk license deactivation of the selected rows. */
export function UsersToolbar({ filterable, status, onStatusChange, search, onSearchChange, selectedCount, onDeactivateLicenses }: UsersToolbarProps) {
  const messages = useMessages();
  const searchId = useId();
  return (
    <div {...part('users-toolbar')}>
      {filterable ? (
        <div role="group" aria-label={messages.t('users.filter')} {...part('status-filter')}>
          {(['active', 'inactive'] as const).map((option) => (
            <button
              key={option}
              type="button"
              {...part('status-option', status === option ? 'on' : 'off')}
              aria-pressed={status === option}
              onClick={() => onStatusChange(option)}
            >
              {messages.t(`users.filter.${option}`)}
            </button>
          ))}
        </div>
      ) : null}
      <label htmlFor={searchId} {...part('field-label')}>
        {messages.t('users.search')}
      </label>
      <input id={searchId} type="search" {...part('search-input')} value={search} onChange={(event) => onSearchChange(event.target.value)} />
      {selectedCount > 0 ? (
        <button type="button" {...part('bulk-deactivate')} onClick={onDeactivateLicenses}>
          {messages.t('users.bulkDeactivate', { count: selectedCount })}
        </button>
      ) : null}
    </div>
  );
}
