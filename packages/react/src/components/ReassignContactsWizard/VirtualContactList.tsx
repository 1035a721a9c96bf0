import type { Contact } from '@offboard/core';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { part } from '../../parts/partProps';
import { useRowWindow } from '../../parts/useRowWindow';
import { useMessages } from '../../provider/OffboardContext';

const ROW_HEIGHT = 40;
const PAGE_KEYS_STEP = 8;
const OVERSCAN = 6;

interface VirtualContactListProps {
  label: string;
  contacts: readonly Contact[];
  /** Contacts matching, loaded or not: what assistive technology hears as the list's size. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  isSelected(contactId: string): boolean;
  onToggle(contactId: string): void;
}

/**
 * A multi-select listbox that renders only the rows in view (`useRowWindow`), so 50,000
 * contacts scroll like 50. Focus stays on the listbox; the active row is its active descendant,
 * moved by arrows, Home/End and Page keys and toggled by Space. The active row is always
 * rendered, even when scrolled away, so `aria-activedescendant` never points at nothing.
 */
export function VirtualContactList({ label, contacts, total, hasMore, loadingMore, onLoadMore, isSelected, onToggle }: VirtualContactListProps) {
  const messages = useMessages();
  const baseId = useId();
  const helpId = `${baseId}-help`;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const count = contacts.length + (hasMore ? 1 : 0);

  const rows = useRowWindow(listRef, count, ROW_HEIGHT, OVERSCAN, active);
  const lastRendered = rows.indexes[rows.indexes.length - 1] ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastRendered >= contacts.length) onLoadMore();
  }, [hasMore, loadingMore, lastRendered, contacts.length, onLoadMore]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, contacts.length - 1));
    setActive(next);
    rows.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + PAGE_KEYS_STEP),
      PageUp: () => moveTo(active - PAGE_KEYS_STEP),
      Home: () => moveTo(0),
      End: () => moveTo(contacts.length - 1),
      ' ': () => {
        const contact = contacts[active];
        if (contact) onToggle(contact.id);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <>
      <p id={helpId} {...part('contact-list-help')}>
        {messages.t('wizard.listHelp')}
      </p>
      <div
        ref={listRef}
        role="listbox"
        aria-multiselectable="true"
        aria-label={label}
        aria-describedby={helpId}
        aria-activedescendant={contacts[active] ? optionId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        {...part('contact-list')}
        style={{ height: 'var(--ob-contact-list-height, 20rem)', overflowY: 'auto', position: 'relative' }}
      >
        <div role="presentation" style={{ height: rows.totalHeight, position: 'relative' }}>
          {rows.indexes.map((index) => {
            const contact = contacts[index];
            const style = { position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` } as const;
            if (!contact) {
              return (
                <div key="loading" aria-hidden="true" {...part('contact-loading')} style={style}>
                  {messages.t('wizard.loadingRow')}
                </div>
              );
            }
            const selected = isSelected(contact.id);
            return (
              <div
                key={contact.id}
                id={optionId(index)}
                role="option"
                aria-selected={selected}
                aria-setsize={total}
                aria-posinset={index + 1}
                data-active={index === active || undefined}
                {...part('contact-option', selected ? 'selected' : 'unselected')}
                style={style}
                onClick={() => {
                  setActive(index);
                  onToggle(contact.id);
                }}
              >
                <span aria-hidden="true" {...part('checkbox', selected ? 'checked' : 'unchecked')} />
                <span {...part('contact-name')}>{contact.name}</span>
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
