'use client';

import { toOffboardError } from '@offboard/core';
import { useId } from 'react';
import { ErrorNotice } from '../parts/ErrorNotice';
import { part, useRootProps } from '../parts/partProps';
import { useMessages } from '../provider/OffboardContext';
import { useUser } from '../queries/userQueries';
import { AuditEntriesPanel } from './AuditEntriesPanel';
import { useAuditAccess, useHistorySummary } from './auditQueries';

export interface UserHistoryProps {
  /** Whose history: active or deactivated, it is all kept (R1). */
  userId: string;
  /** Audit entries asked for per page. @default 50 */
  pageSize?: number;
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * One user's kept history (R1): how many calls, emails, WhatsApp messages, contact activities and
 * performance records deactivation left in place, and the audit entries about them (R10), with the
 * audit log's filters, expansion and exports. Admin-only (R12), like the log.
 */
export function UserHistory({ userId, pageSize = 50, className }: UserHistoryProps) {
  const messages = useMessages();
  const rootProps = useRootProps('user-history', className);
  const titleId = useId();
  const keptId = useId();
  const access = useAuditAccess();
  const user = useUser(userId, { enabled: access.allowed });
  const summary = useHistorySummary(userId, access.allowed);

  return (
    <section {...rootProps} aria-labelledby={titleId} aria-busy={access.pending || summary.isLoading || undefined} data-user-id={userId}>
      <h2 id={titleId} {...part('history-title')}>
        {messages.t('history.title', { name: user.data?.name ?? userId })}
      </h2>
      {access.pending ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
      {access.error ? <ErrorNotice error={toOffboardError(access.error)} onRetry={() => void access.retry()} /> : null}
      {access.refusal ? <ErrorNotice error={access.refusal} /> : null}
      {access.allowed ? (
        <>
          <section {...part('history-kept')} aria-labelledby={keptId}>
            <h3 id={keptId} {...part('history-kept-title')}>
              {messages.t('history.kept')}
            </h3>
            <p {...part('history-kept-note')}>{messages.t('history.keptNote')}</p>
            {summary.isPending ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
            {summary.error ? <ErrorNotice error={toOffboardError(summary.error)} onRetry={() => void summary.refetch()} /> : null}
            {summary.data ? (
              <ul {...part('history-kinds')}>
                {summary.data.map(({ kind, count }) => (
                  <li key={kind} {...part('history-kind')} data-kind={kind} data-count={count}>
                    {messages.t(`history.kind.${kind}`, { count })}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <h3 {...part('history-audit-title')}>{messages.t('history.audit')}</h3>
          <AuditEntriesPanel
            label={messages.t('history.audit')}
            initialFields={{ targetId: userId }}
            pageSize={pageSize}
            fileName={`history-${userId}`}
            fixedTarget
          />
        </>
      ) : null}
    </section>
  );
}
