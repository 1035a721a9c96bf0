import type { User } from '@offboard/core';
import { memo } from 'react';
import { LicenseBadge } from '../../parts/LicenseBadge';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { UserActionsMenu } from '../UserActionsMenu/UserActionsMenu';

interface UsersTableProps {
  /** The first page is on its way. */
  busy: boolean;
  users: readonly User[];
  /** Rows can be selected for team downsizing; `null` hides the selection column. */
  selected: ReadonlySet<string> | null;
  onToggle(userId: string): void;
  onReassignContacts(user: User): void;
  onStartOffboarding(user: User): void;
  /** Offered on inactive users' rows when given: the host opens their kept history (`UserHistory`). */
  onShowHistory?: ((user: User) => void) | undefined;
}

/** Rows held while the first page loads: the table keeps its columns' widths, so nothing jumps. */
const SKELETON_ROWS = [0, 1, 2, 3];

export function UsersTable({ busy, users, selected, onToggle, onReassignContacts, onStartOffboarding, onShowHistory }: UsersTableProps) {
  const messages = useMessages();
  return (
    // Scrolls inside its card on a narrow screen, so the page itself never does.
    <div {...part('table-scroll')}>
      <table {...part('users-table')} aria-busy={busy || undefined}>
        <caption className="ob-visually-hidden">{messages.t('users.title')}</caption>
        <thead>
          <tr>
            {selected ? (
              <th scope="col" {...part('column-select')}>
                <span className="ob-visually-hidden">{messages.t('users.column.select')}</span>
              </th>
            ) : null}
            <th scope="col" {...part('column-name')}>
              {messages.t('users.column.name')}
            </th>
            <th scope="col" {...part('column-role')}>
              {messages.t('users.column.role')}
            </th>
            <th scope="col" {...part('column-license')}>
              {messages.t('users.column.license')}
            </th>
            <th scope="col" {...part('column-actions')}>
              <span className="ob-visually-hidden">{messages.t('users.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {busy && users.length === 0
            ? SKELETON_ROWS.map((row) => (
                <tr key={row} {...part('skeleton-row')} aria-hidden="true">
                  {selected ? <td /> : null}
                  <td>
                    <span {...part('skeleton')} />
                  </td>
                  <td>
                    <span {...part('skeleton')} />
                  </td>
                  <td>
                    <span {...part('skeleton')} />
                  </td>
                  <td />
                </tr>
              ))
            : null}
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              selectable={selected !== null}
              selected={selected?.has(user.id) ?? false}
              onToggle={onToggle}
              onReassignContacts={onReassignContacts}
              onStartOffboarding={onStartOffboarding}
              onShowHistory={onShowHistory}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface UserRowProps extends Omit<UsersTableProps, 'users' | 'selected' | 'busy'> {
  user: User;
  selectable: boolean;
  selected: boolean;
}

/**
 * One row, memoised on plain props: a change to one user (the query keeps unchanged users as the
 * same objects) or to one row's selection re-renders that row only, whatever the table's size.
 */
const UserRow = memo(function UserRow({ user, selectable, selected, onToggle, onReassignContacts, onStartOffboarding, onShowHistory }: UserRowProps) {
  const messages = useMessages();
  return (
    <tr {...part('user-row', user.status)} data-user-id={user.id} data-selected={selected || undefined}>
      {selectable ? (
        <td>
          <input
            type="checkbox"
            {...part('row-select')}
            checked={selected}
            onChange={() => onToggle(user.id)}
            aria-label={messages.t('users.select', { name: user.name })}
          />
        </td>
      ) : null}
      <th scope="row" {...part('user-name')}>
        <span>{user.name}</span>
        {/* R12: other people's emails are admin-only; a member gets them as null. */}
        {user.email ? <span {...part('user-email')}>{user.email}</span> : null}
      </th>
      <td {...part('user-role', user.role)}>{messages.t(`role.${user.role}`)}</td>
      <td>
        <LicenseBadge license={user.license} />
      </td>
      <td>
        <UserActionsMenu user={user} onReassignContacts={onReassignContacts} onStartOffboarding={onStartOffboarding} onShowHistory={onShowHistory} />
        {onShowHistory && user.status === 'inactive' ? (
          <button type="button" {...part('show-history')} data-user-id={user.id} onClick={() => onShowHistory(user)} aria-label={messages.t('history.open', { name: user.name })}>
            {messages.t('users.history')}
          </button>
        ) : null}
      </td>
    </tr>
  );
});
