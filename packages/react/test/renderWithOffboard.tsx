import { DEMO_ACTOR_ID, DEMO_NOW, DEMO_ORGANISATION_ID, demoOrganisation } from '@offboard/core/fixtures';
import { type AuditAction, type Caller, type CallerKind, type OffboardData, type OffboardPolicy } from '@offboard/core';
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
  /** `service`: the kit is driven by an identity that is not a user, such as directory sync. */
  callerKind?: CallerKind;
  locale?: string;
  messages?: OffboardProviderProps['messages'];
  /** The provider's `requireReason` (R14): what the UI is told of the policy. @default the backend's `policy.requireReason` */
  requireReason?: boolean;
}

/**
 * Who tests read the backend as, to check what the UI did: a service identity, which reads
 * everything (R12) in the organisation every test's data belongs to (R13).
 */
export const observer: Caller = { organisationId: DEMO_ORGANISATION_ID, actorId: 'svc-test', kind: 'service' };

/** Renders `ui` inside a provider over a fresh in-memory backend that tests can break on purpose. */
export function renderWithOffboard(ui: ReactElement, options: RenderOptions = {}) {
  const data = options.data ?? demoOrganisation();
  const backend = createInMemoryBackend({
    data,
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
      organisationId={data.organisationId}
      {...(options.callerKind ? { callerKind: options.callerKind } : {})}
      locale={options.locale ?? 'en'}
      queryClient={queryClient}
      {...(options.messages ? { messages: options.messages } : {})}
      requireReason={options.requireReason ?? options.policy?.requireReason ?? false}
    >
      {ui}
    </OffboardProvider>,
  );

  /** R10: how many audit entries an action left on a target, to prove a change applied once. */
  const auditCount = async (action: AuditAction, targetId: string) => (await backend.listAuditLog({ action, targetId, limit: 500 }, observer)).total;
  return { ...view, user, backend, adapter, queryClient, auditCount };
}
