import type { ReassignContactsView } from '@offboard/core/machines';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { useContactPages } from '../../queries/contactQueries';
import { VirtualContactList } from './VirtualContactList';
import { WizardNavigation } from './WizardNavigation';

interface ContactsStepProps {
  contacts: NonNullable<ReassignContactsView['contacts']>;
  ownerId: string;
  ownerName: string;
}

/** Step 1: all of the owner's contacts, or some found by search and picked in the list. */
export function ContactsStep({ contacts, ownerId, ownerName }: ContactsStepProps) {
  const messages = useMessages();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const pages = useContactPages(ownerId, term);
  const shown = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const matching = pages.data?.pages[0]?.total ?? 0;

  return (
    <div {...part('contacts-step')}>
      <div {...part('contact-search')}>
        <label htmlFor={searchId} {...part('field-label')}>
          {messages.t('wizard.search')}
        </label>
        <input id={searchId} type="search" {...part('search-input')} value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div {...part('selection-toolbar')}>
        {term ? (
          <button type="button" {...part('select-shown')} onClick={() => contacts.selectShown(shown.map((contact) => contact.id))}>
            {messages.t('wizard.selectShown', { count: shown.length })}
          </button>
        ) : (
          <button type="button" {...part('select-all')} onClick={contacts.selectAll.press}>
            {messages.text(contacts.selectAll.label)}
          </button>
        )}
        <button type="button" {...part('clear-selection')} onClick={contacts.clear.press}>
          {messages.text(contacts.clear.label)}
        </button>
        <span {...part('selection-count')}>{messages.text(contacts.selected)}</span>
      </div>
      {pages.isSuccess && matching === 0 && term ? <p {...part('no-matches')}>{messages.t('wizard.noMatches', { search: term })}</p> : null}
      <VirtualContactList
        key={term}
        label={messages.t('wizard.list', { name: ownerName })}
        contacts={shown}
        total={matching}
        hasMore={pages.hasNextPage}
        loadingMore={pages.isFetchingNextPage}
        onLoadMore={pages.fetchNextPage}
        isSelected={contacts.isSelected}
        onToggle={contacts.toggle}
      />
      <WizardNavigation next={contacts.next} />
    </div>
  );
}
