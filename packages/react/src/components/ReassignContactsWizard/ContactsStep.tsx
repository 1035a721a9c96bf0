import { isContactSelected, selectedCount } from '@offboard/core';
import { useSelector } from '@xstate/react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { ReassignContactsActorRef } from '../../machines/useReassignContacts';
import { part } from '../../parts/partProps';
import { useMessages } from '../../provider/OffboardContext';
import { useContactPages } from '../../queries/contactQueries';
import { VirtualContactList } from './VirtualContactList';
import { WizardNavigation } from './WizardNavigation';

/** Step 1: all of the owner's contacts, or some found by search and picked in the list. */
export function ContactsStep({ actorRef, ownerId, ownerName }: { actorRef: ReassignContactsActorRef; ownerId: string; ownerName: string }) {
  const messages = useMessages();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const pages = useContactPages(ownerId, term);
  const contacts = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const matching = pages.data?.pages[0]?.total ?? 0;
  const selection = useSelector(actorRef, (snapshot) => snapshot.context.selection);
  const ownerContacts = useSelector(actorRef, (snapshot) => snapshot.context.ownerContacts);
  const canContinue = useSelector(actorRef, (snapshot) => snapshot.can({ type: 'NEXT' }));

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
          <button type="button" {...part('select-shown')} onClick={() => actorRef.send({ type: 'SELECT_CONTACTS', contactIds: contacts.map((contact) => contact.id) })}>
            {messages.t('wizard.selectShown', { count: contacts.length })}
          </button>
        ) : (
          <button type="button" {...part('select-all')} onClick={() => actorRef.send({ type: 'SELECT_ALL' })}>
            {messages.t('wizard.selectAll', { count: ownerContacts })}
          </button>
        )}
        <button type="button" {...part('clear-selection')} onClick={() => actorRef.send({ type: 'CLEAR' })}>
          {messages.t('wizard.clear')}
        </button>
        <span {...part('selection-count')}>{messages.t('wizard.selected', { selected: selectedCount(selection, ownerContacts), count: ownerContacts })}</span>
      </div>
      {pages.isSuccess && matching === 0 && term ? <p {...part('no-matches')}>{messages.t('wizard.noMatches', { search: term })}</p> : null}
      <VirtualContactList
        key={term}
        label={messages.t('wizard.list', { name: ownerName })}
        contacts={contacts}
        total={matching}
        hasMore={pages.hasNextPage}
        loadingMore={pages.isFetchingNextPage}
        onLoadMore={pages.fetchNextPage}
        isSelected={(contactId) => isContactSelected(selection, contactId)}
        onToggle={(contactId) => actorRef.send({ type: 'TOGGLE_CONTACT', contactId })}
      />
      <WizardNavigation hold={canContinue ? null : messages.t('wizard.hold.contacts')} onNext={() => actorRef.send({ type: 'NEXT' })} />
    </div>
  );
}
