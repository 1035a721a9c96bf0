import { reassignContactsMachine } from '@offboard/core';
import { useActorRef } from '@xstate/react';
import { useOffboard } from '../provider/OffboardContext';
import { useRefreshAfterChange } from '../queries/useRefreshAfterChange';
import { useOnChanged } from './useOnChanged';

/** The R5 reassignment machine for one owner's contacts; callers key the component by owner. */
export function useReassignContacts(fromOwnerId: string) {
  const { adapter, caller, messages, announce } = useOffboard();
  const refresh = useRefreshAfterChange();
  const actorRef = useActorRef(reassignContactsMachine, { input: { adapter, caller, fromOwnerId } });

  useOnChanged(actorRef, ({ result }) => {
    void refresh('contacts');
    announce(messages.t('done.contacts.reassigned', { count: result.total }));
  });
  return actorRef;
}

export type ReassignContactsActorRef = ReturnType<typeof useReassignContacts>;
