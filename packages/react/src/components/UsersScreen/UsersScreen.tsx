'use client';

import { DEFAULT_SCENARIO, SCENARIOS, toOffboardError, type Scenario, type User } from '@offboard/core';
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useCallerView } from '../../bindings/useCallerView';
import { ErrorNotice } from '../../parts/ErrorNotice';
import { ModalDialog } from '../../parts/ModalDialog';
import { part, useRootProps } from '../../parts/partProps';
import { SeatUsageMeter } from '../../parts/SeatUsageMeter';
import { useMessages } from '../../provider/OffboardContext';
import { useSeatUsage, useUserPages } from '../../queries/userQueries';
import { OffboardingChecklist } from '../OffboardingChecklist/OffboardingChecklist';
import { OrphanedContactsNotice } from '../OrphanedContactsNotice/OrphanedContactsNotice';
import { ReassignContactsWizard } from '../ReassignContactsWizard/ReassignContactsWizard';
import { TeamDownsizingDialog } from './TeamDownsizingDialog';
import { UsersTable } from './UsersTable';
import { UsersToolbar, type StatusFilter } from './UsersToolbar';

export interface UsersScreenProps {
  /** Users per page; more load with "Show more". @default 50 */
  pageSize?: number;
  /** Added to the root element's classes. */
  className?: string;
  /**
   * Offers "History" on the inactive list's rows; the host shows that user's `UserHistory` (from
   * `@offboard/react/audit`, which this screen does not import, so hosts without it ship none of it).
   */
  onShowHistory?: (user: User) => void;
}

/** A dialog the screen opens for one user, and whose row menu gets focus back when it closes. */
type Opened = { readonly user: User; readonly fromRow: boolean } | null;

/**
 * "Settings > Users": the users table with Active / Inactive filter, search, role, license badge,
 * seat usage and a menu of actions per row; contact reassignment and the offboarding checklist in
 * dialogs; and bulk license deactivation of the selected users with one combined preview. A member
 * sees what R12 lets them read, active users' names, roles and badges, and every action refused
 * (R9): the core decides each part from their own record, so nothing is asked only to be refused.
 */
export function UsersScreen({ pageSize = 50, className, onShowHistory }: UsersScreenProps) {
  const messages = useMessages();
  const rootProps = useRootProps('users-screen', className);
  const titleId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reassigning, setReassigning] = useState<Opened>(null);
  const [offboarding, setOffboarding] = useState<Opened>(null);
  const [downsizing, setDownsizing] = useState<readonly string[] | null>(null);
  // R8: the checklist opens for a departure; a role change or downsizing is one choice away.
  const [scenario, setScenario] = useState<Scenario>(DEFAULT_SCENARIO);
  const scenarioId = useId();

  // Which parts exist for the caller: the core judges R9 and R12 from their own record.
  const access = useCallerView();
  const seats = useSeatUsage({ enabled: access.seesSeats });
  const pages = useUserPages({ status, limit: pageSize, ...(term ? { search: term } : {}) });
  const users = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);

  const rowTrigger = (opened: Opened) => () =>
    opened?.fromRow ? rootRef.current?.querySelector<HTMLElement>(`[data-part="menu-trigger"][data-user-id="${opened.user.id}"]`) : undefined;
  const changeStatus = (next: StatusFilter) => {
    setStatus(next);
    setSelected(new Set());
  };
  // Stable callbacks keep the memoised rows from re-rendering when an unrelated one changes.
  const toggle = useCallback(
    (userId: string) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (!next.delete(userId)) next.add(userId);
        return next;
      }),
    [],
  );
  const reassignFromRow = useCallback((user: User) => setReassigning({ user, fromRow: true }), []);
  const offboardFromRow = useCallback((user: User) => setOffboarding({ user, fromRow: true }), []);

  return (
    <section ref={rootRef} {...rootProps} aria-labelledby={titleId}>
      <header {...part('users-header')}>
        <h2 id={titleId} {...part('users-title')}>
          {messages.t('users.title')}
        </h2>
        {seats.data ? <SeatUsageMeter seats={seats.data} /> : null}
      </header>
      {access.error ? <ErrorNotice error={access.error} onRetry={access.retry} /> : null}
      {access.seesOrphanedContacts ? <OrphanedContactsNotice onReassignContacts={(owner) => setReassigning({ user: owner, fromRow: false })} /> : null}
      <UsersToolbar
        filterable={access.seesInactiveUsers}
        status={status}
        onStatusChange={changeStatus}
        search={search}
        onSearchChange={setSearch}
        selectedCount={selected.size}
        onDeactivateLicenses={() => setDownsizing(users.filter((user) => selected.has(user.id)).map((user) => user.id))}
      />
      {pages.isPending ? (
        <p {...part('loading')} className="ob-loading ob-visually-hidden">
          {messages.t('common.loading')}
        </p>
      ) : null}
      {pages.error ? <ErrorNotice error={toOffboardError(pages.error)} onRetry={() => void pages.refetch()} /> : null}
      <UsersTable
        busy={pages.isPending}
        users={users}
        selected={access.selectsRows && status === 'active' ? selected : null}
        onToggle={toggle}
        onReassignContacts={reassignFromRow}
        onStartOffboarding={offboardFromRow}
        onShowHistory={onShowHistory}
      />
      {pages.isSuccess && users.length === 0 ? <p {...part('users-empty')}>{messages.t('users.empty')}</p> : null}
      {pages.hasNextPage ? (
        <button type="button" {...part('show-more')} onClick={() => void pages.fetchNextPage()}>
          {messages.t('common.showMore')}
        </button>
      ) : null}

      <ModalDialog
        open={reassigning !== null}
        onOpenChange={(open) => !open && setReassigning(null)}
        title={messages.t('users.reassignTitle')}
        part="reassign-dialog"
        returnFocusTo={rowTrigger(reassigning)}
      >
        {reassigning ? <ReassignContactsWizard ownerId={reassigning.user.id} onClose={() => setReassigning(null)} /> : null}
      </ModalDialog>
      <ModalDialog
        open={offboarding !== null}
        onOpenChange={(open) => !open && setOffboarding(null)}
        title={messages.t('users.checklistTitle')}
        description={offboarding ? messages.t('users.checklistDescription', { name: offboarding.user.name }) : undefined}
        part="checklist-dialog"
        returnFocusTo={rowTrigger(offboarding)}
      >
        {offboarding ? (
          <>
            <label {...part('field-label')} htmlFor={scenarioId}>
              {messages.t('checklist.scenarioField')}
            </label>
            <select id={scenarioId} {...part('scenario-select')} value={scenario} onChange={(event) => setScenario(event.target.value as Scenario)}>
              {SCENARIOS.map((option) => (
                <option key={option} value={option}>
                  {messages.t(`scenarios.${option}`)}
                </option>
              ))}
            </select>
            <OffboardingChecklist
              key={scenario}
              scenario={scenario}
              userId={offboarding.user.id}
              onReassignContacts={(user) => {
                setOffboarding(null);
                setReassigning({ user, fromRow: offboarding.fromRow });
              }}
            />
          </>
        ) : null}
      </ModalDialog>
      {downsizing ? (
        <TeamDownsizingDialog
          userIds={downsizing}
          open
          onOpenChange={(open) => {
            if (open) return;
            setDownsizing(null);
            setSelected(new Set());
          }}
        />
      ) : null}
    </section>
  );
}
