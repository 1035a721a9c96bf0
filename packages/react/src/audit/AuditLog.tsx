'use client';

import { toOffboardError } from '@offboard/core';
import type { AuditFilterFields } from '@offboard/core/audit';
import { useId } from 'react';
import { ErrorNotice } from '../parts/ErrorNotice';
import { part, useRootProps } from '../parts/partProps';
import { useMessages } from '../provider/OffboardContext';
import { AuditEntriesPanel } from './AuditEntriesPanel';
import { useAuditAccess } from './auditQueries';

export interface AuditLogProps {
  /** Entries asked for per page; more load as the end of the list comes into view. @default 100 */
  pageSize?: number;
  /** The filter the viewer opens with: actor, target, action, first and last day (`YYYY-MM-DD`). @default {} */
  initialFilter?: AuditFilterFields;
  /** Name of the exported file, without its extension. @default 'audit-log' */
  exportFileName?: string;
  /** Added to the root element's classes. */
  className?: string;
}

/**
 * Every recorded change (R10): who, what, about whom, when, why and what it did, newest first,
 * filtered by actor, target, action and days; windowed, so 100,000 entries scroll like 50; each
 * entry opens to its reason and effects; CSV and JSON exports of the filtered log, streamed from
 * the adapter page by page. Admin-only (R12): anyone else sees the refusal and nothing is asked.
 */
export function AuditLog({ pageSize = 100, initialFilter = {}, exportFileName = 'audit-log', className }: AuditLogProps) {
  const messages = useMessages();
  const rootProps = useRootProps('audit-log', className);
  const titleId = useId();
  const access = useAuditAccess();

  return (
    <section {...rootProps} aria-labelledby={titleId} aria-busy={access.pending || undefined}>
      <h2 id={titleId} {...part('audit-title')}>
        {messages.t('audit.title')}
      </h2>
      {access.pending ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
      {access.error ? <ErrorNotice error={toOffboardError(access.error)} onRetry={() => void access.retry()} /> : null}
      {access.refusal ? <ErrorNotice error={access.refusal} /> : null}
      {access.allowed ? <AuditEntriesPanel label={messages.t('audit.list')} initialFields={initialFilter} pageSize={pageSize} fileName={exportFileName} /> : null}
    </section>
  );
}
