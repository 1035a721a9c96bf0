import { isOffboardError, toOffboardError } from '@offboard/core';
import { auditFilterOf, type AuditFilter, type AuditFilterFields } from '@offboard/core/audit';
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../parts/ErrorNotice';
import { part } from '../parts/partProps';
import { useMessages } from '../provider/OffboardContext';
import { AuditEntryList } from './AuditEntryList';
import { AuditExport } from './AuditExport';
import { AuditFilters } from './AuditFilters';
import { useAuditPages, useEveryUser } from './auditQueries';

interface AuditEntriesPanelProps {
  label: string;
  initialFields: AuditFilterFields;
  pageSize: number;
  fileName: string;
  /** Leaves out the "about" filter, fixed by `initialFields.targetId`. */
  fixedTarget?: boolean;
}

/** Filters, the windowed entries and the exports of an audit viewer whose caller may read the log. */
export function AuditEntriesPanel({ label, initialFields, pageSize, fileName, fixedTarget = false }: AuditEntriesPanelProps) {
  const messages = useMessages();
  const [fields, setFields] = useState<AuditFilterFields>(initialFields);
  const [filter, setFilter] = useState<AuditFilter>(() => auditFilterOf(initialFields));
  const [invalidRange, setInvalidRange] = useState(false);
  // The core reads the form; a range the wrong way round keeps the last good filter and says why.
  const changeFields = (next: AuditFilterFields) => {
    setFields(next);
    try {
      setFilter(auditFilterOf(next));
      setInvalidRange(false);
    } catch (error) {
      if (!isOffboardError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      setInvalidRange(true);
    }
  };
  const everyone = useEveryUser(true);
  const pages = useAuditPages(filter, pageSize, true);
  const entries = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total ?? null;
  // Entries wait for the names they mention, so a row never flashes an id before its person's name;
  // if the users cannot be read, rows fall back to ids rather than wait for ever.
  const ready = pages.isSuccess && !everyone.pending;

  return (
    <>
      <AuditFilters fields={fields} onChange={changeFields} users={everyone.users} invalidRange={invalidRange} withTarget={!fixedTarget} />
      <div {...part('audit-toolbar')}>
        <p {...part('audit-count')} aria-live="polite">
          {ready ? (total === null ? messages.t('audit.countLoaded', { count: entries.length }) : messages.t('audit.count', { count: total })) : null}
        </p>
        <AuditExport filter={filter} fileName={fileName} nameOf={(id) => everyone.byId.get(id)?.name} />
      </div>
      {!ready && !pages.error ? <p {...part('loading')}>{messages.t('common.loading')}</p> : null}
      {pages.error ? <ErrorNotice error={toOffboardError(pages.error)} onRetry={() => void pages.refetch()} /> : null}
      {ready && entries.length === 0 && !pages.hasNextPage ? <p {...part('audit-empty')}>{messages.t('audit.empty')}</p> : null}
      {ready && (entries.length || pages.hasNextPage) ? (
        <AuditEntryList
          // A new filter is a new list: it starts at its top, nothing open.
          key={JSON.stringify(filter)}
          label={label}
          entries={entries}
          total={total}
          hasMore={pages.hasNextPage}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={() => void pages.fetchNextPage()}
          usersById={everyone.byId}
        />
      ) : null}
    </>
  );
}
