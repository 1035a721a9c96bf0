import { DEMO_ACTOR_ID, DEMO_NOW, demoOrganisation } from '@offboard/core/fixtures';
import { type AuditAction, type OffboardData, type OffboardPolicy } from '@offboard/core';
import { createInMemoryBackend } from '@offboard/core/in-memory';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { OffboardProvider, type OffboardProviderProps } from '../src/provider/OffboardProvider';
import { withFaults } from '@offboard/core/testing';

export interface RenderOptions {
  data?: OffboardData;
  policy?: Partial<OffboardPolicy>;
  actorId?: string;
  locale?: string;
  messages?: OffboardProviderProps['messages'];
}

/** Renders `ui` inside a provider over a fresh in-memory backend that tests can break on purpose. */
export function renderWithOffboard(ui: ReactElement, options: RenderOptions = {}) {
  const backend = createInMemoryBackend({
    data: options.data ?? demoOrganisation(),
    ...(options.policy ? { policy: options.policy } : {}),
    clock: () => new Date(DEMO_NOW),
  });
  const adapter = withFaults(backend);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const user = userEvent.setup();
  const view = render(
    <OffboardProvider
      adapter={adapter}
      currentUserId={options.actorId ?? DEMO_ACTOR_ID}
      locale={options.locale ?? 'en'}
      queryClient={queryClient}
      {...(options.messages ? { messages: options.messages } : {})}
    >
      {ui}
    </OffboardProvider>,
  );

  /** R10: how many audit entries an action left on a target, to prove a change applied once. */
  const auditCount = async (action: AuditAction, targetId: string) => (await backend.listAuditLog({ action, targetId, limit: 500 })).total;
  return { ...view, user, backend, adapter, queryClient, auditCount };
}
