import type { AuditEntry, User } from '@offboard/core';
import { auditEffectLines } from '@offboard/core/audit';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { part } from '../parts/partProps';
import { useRowWindow } from '../parts/useRowWindow';
import { useMessages } from '../provider/OffboardContext';

const ROW_HEIGHT = 44;
const OVERSCAN = 8;
const PAGE_KEYS_STEP = 8;
/** Rows an open entry's details take: enough for a reason and every effect an entry records. */
const DETAIL_ROWS = 5;

interface AuditEntryListProps {
  label: string;
  entries: readonly AuditEntry[];
  /** Entries matching across all pages, when known (a date range makes it unknown). */
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  usersById: ReadonlyMap<string, User>;
}

/**
 * The audit log's entries in a scrolling list that renders only the rows in view (`useRowWindow`),
 * so 100,000 entries scroll like 50 and more pages load as the end comes into view. One entry at a
 * time opens to its reason and effects, which take `DETAIL_ROWS` rows below it: every row keeps
 * one height, so the window stays arithmetic. One entry is in the tab order; arrows, Page keys
 * and Home/End move between entries, and the focused entry stays rendered wherever it scrolls.
 */
export function AuditEntryList({ label, entries, total, hasMore, loadingMore, onLoadMore, usersById }: AuditEntryListProps) {
  const messages = useMessages();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [focusWanted, setFocusWanted] = useState(false);
  const count = entries.length + (hasMore ? 1 : 0);
  const extra = open === null ? 0 : DETAIL_ROWS;
  const rowOf = (index: number) => (open !== null && index > open ? index + extra : index);
  const rows = useRowWindow(scrollRef, count + extra, ROW_HEIGHT, OVERSCAN, rowOf(active));
  const lastRow = rows.indexes[rows.indexes.length - 1] ?? -1;

  const loadingRowInView = hasMore && lastRow >= entries.length + (open !== null && entries.length > open ? extra : 0);
  useEffect(() => {
    if (loadingRowInView && !loadingMore) onLoadMore();
  }, [loadingRowInView, loadingMore, onLoadMore]);

  useEffect(() => {
    if (!focusWanted) return;
    setFocusWanted(false);
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"] [data-part="audit-entry-toggle"]`)?.focus();
  }, [focusWanted, active]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, entries.length - 1));
    setActive(next);
    rows.scrollToIndex(rowOf(next));
    setFocusWanted(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + PAGE_KEYS_STEP,
      PageUp: active - PAGE_KEYS_STEP,
      Home: 0,
      End: entries.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined || !(event.target as HTMLElement).matches('[data-part="audit-entry-toggle"]')) return;
    event.preventDefault();
    moveTo(target);
  };

  const nameOf = (id: string) => usersById.get(id)?.name ?? id;
  const targetOf = (entry: AuditEntry) =>
    entry.target.type === 'user' ? nameOf(entry.target.id) : messages.t(`audit.target.${entry.target.type}`, { id: entry.target.id });
  const at = (row: number, rowsTall = 1) =>
    ({ position: 'absolute', top: 0, left: 0, width: '100%', height: rowsTall * ROW_HEIGHT, transform: `translateY(${row * ROW_HEIGHT}px)` }) as const;

  const rendered = new Set<number>();
  const items = rows.indexes.flatMap((row) => {
    const inDetails = open !== null && row > open && row <= open + extra;
    const index = inDetails ? open : open !== null && row > open + extra ? row - extra : row;
    const key = inDetails ? -1 - index : index;
    if (rendered.has(key)) return [];
    rendered.add(key);
    const entry = entries[index];
    if (!entry) {
      return [
        <li key="loading" aria-hidden="true" {...part('audit-loading-row')} style={at(row)}>
          {messages.t('common.loading')}
        </li>,
      ];
    }
    const detailsId = `${baseId}-details-${entry.seq}`;
    if (inDetails) {
      const lines = auditEffectLines(entry.effects);
      const refusal = entry.effects.refusal;
      return [
        <li key={`details-${entry.seq}`} id={detailsId} {...part('audit-details')} style={{ ...at(index + 1, extra), overflowY: 'auto' }} tabIndex={0} aria-label={messages.t('audit.details', { seq: entry.seq })}>
          <p {...part('audit-reason')}>
            {entry.reason
              ? `${messages.t('audit.reason')}: ${messages.t(`reason.${entry.reason.code}`)}${entry.reason.note ? ` — ${entry.reason.note}` : ''}`
              : messages.t('audit.noReason')}
          </p>
          <ul {...part('audit-effects')}>
            {lines.length === 0 && !refusal ? <li {...part('audit-effect')}>{messages.t('effects.none')}</li> : null}
            {lines.map((line) => (
              <li key={line.key} {...part('audit-effect')} data-effect={line.key}>
                {messages.text(line)}
              </li>
            ))}
            {refusal ? (
              <li {...part('audit-effect')} data-effect="refusal">
                {messages.t('audit.refusal', { message: messages.explain(refusal) })}
              </li>
            ) : null}
          </ul>
        </li>,
      ];
    }
    const expanded = open === index;
    return [
      <li
        key={entry.id}
        data-index={index}
        data-seq={entry.seq}
        aria-setsize={total ?? -1}
        aria-posinset={index + 1}
        {...part('audit-entry', expanded ? 'open' : 'closed')}
        style={at(row)}
      >
        <button
          type="button"
          {...part('audit-entry-toggle')}
          tabIndex={index === active ? 0 : -1}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          onFocus={() => setActive(index)}
          onClick={() => setOpen(expanded ? null : index)}
        >
          <time {...part('audit-at')} dateTime={entry.at}>
            {messages.date(entry.at)}
          </time>
          <span {...part('audit-actor')}>{nameOf(entry.actorId)}</span>
          <span {...part('audit-action')} data-action={entry.action}>
            {messages.t(`audit.action.${entry.action}`)}
          </span>
          <span {...part('audit-target')}>{targetOf(entry)}</span>
        </button>
      </li>,
    ];
  });

  return (
    <div ref={scrollRef} {...part('audit-scroll')} style={{ maxHeight: 'var(--ob-audit-list-height, 28rem)', overflowY: 'auto', position: 'relative' }}>
      <ul aria-label={label} {...part('audit-list')} onKeyDown={onKeyDown} style={{ height: rows.totalHeight, position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {items}
      </ul>
    </div>
  );
}
