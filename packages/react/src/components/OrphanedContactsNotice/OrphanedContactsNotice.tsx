'use client';

import { toOffboardError, type User } from '@offboard/core';
import { useId } from 'react';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { part, useRootProps } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { useOrphanedContacts } from '../../queries/contactQueries';

export interface OrphanedContactsNoticeProps {
  /** Opens the reassignment wizard for an owner; without it the notice only informs. */
  onReassignContacts?: (owner: User) => void;
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * R5: how many contacts belong to people who are no longer salespeople, and whose they are, each
 * with a way into the reassignment wizard. Renders nothing when no contact is orphaned.
 */
export function OrphanedContactsNotice({ onReassignContacts, className }: OrphanedContactsNoticeProps) {
  const messages = useMessages();
  const rootProps = useRootProps('orphaned-notice', className);
  const titleId = useId();
  const orphaned = useOrphanedContacts();
  // A failed read is said, never taken for "nothing orphaned".
  if (orphaned.error) {
    return (
      <section {...rootProps} aria-labelledby={titleId}>
        <h2 id={titleId} {...part('orphaned-title')}>
          {messages.t('orphaned.title')}
        </h2>
        <ErrorNotice error={toOffboardError(orphaned.error)} onRetry={() => void orphaned.refetch()} />
      </section>
    );
  }
  if (!orphaned.data || orphaned.data.total === 0) return null;

  return (
    <section {...rootProps} aria-labelledby={titleId}>
      <h2 id={titleId} {...part('orphaned-title')}>
        {messages.t('orphaned.title')}
      </h2>
      <p {...part('orphaned-summary')}>{messages.t('orphaned.summary', { count: orphaned.data.total })}</p>
      <ul {...part('orphaned-owners')}>
        {orphaned.data.owners.map(({ owner, contacts }) => (
          <li key={owner.id} {...part('orphaned-owner')} data-user-id={owner.id}>
            <span>{messages.t('orphaned.owner', { name: owner.name, count: contacts })}</span>
            {onReassignContacts ? (
              <button type="button" {...part('reassign-owner')} onClick={() => onReassignContacts(owner)}>
                {messages.t('orphaned.reassign', { name: owner.name })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {orphaned.data.otherContacts > 0 ? <p {...part('orphaned-others')}>{messages.t('orphaned.others', { count: orphaned.data.otherContacts })}</p> : null}
    </section>
  );
}
