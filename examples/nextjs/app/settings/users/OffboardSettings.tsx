'use client';

/**
 * app/settings/users/OffboardSettings.tsx — the client half. The adapter holds a `fetch` and the
 * kit holds React state, so neither can cross from a server component: this wrapper makes the
 * adapter in the browser and receives only plain data (ids) from the page.
 */
import { createHttpAdapter } from '@offboard/core';
import { OffboardProvider, UsersScreen } from '@offboard/react';
import { useMemo } from 'react';

export interface OffboardSettingsProps {
  readonly organisationId: string;
  readonly currentUserId: string;
}

export function OffboardSettings({ organisationId, currentUserId }: OffboardSettingsProps) {
  // Same origin: the browser sends the session cookie itself; nothing names the user.
  const adapter = useMemo(() => createHttpAdapter({ baseUrl: '/api/offboard' }), []);
  return (
    <OffboardProvider adapter={adapter} organisationId={organisationId} currentUserId={currentUserId}>
      <UsersScreen />
    </OffboardProvider>
  );
}
