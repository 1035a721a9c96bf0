import { teamDownsizingMachine } from '@offboard/core';
import { useActorRef } from '@xstate/react';
import { useOffboard } from '../provider/OffboardContext';
import { useRefreshAfterChange } from '../queries/useRefreshAfterChange';
import { useOnChanged } from './useOnChanged';

/** The team-downsizing machine for a fixed set of users; callers key the component by the set. */
export function useTeamDownsizing(userIds: readonly string[]) {
  const { adapter, caller, messages, announce } = useOffboard();
  const refresh = useRefreshAfterChange();
  const actorRef = useActorRef(teamDownsizingMachine, { input: { adapter, caller, userIds } });

  useOnChanged(actorRef, ({ userIds: done }) => {
    void refresh('user');
    announce(messages.t('downsizing.done', { count: done.length }));
  });
  return actorRef;
}

export type TeamDownsizingActorRef = ReturnType<typeof useTeamDownsizing>;
