import { expect } from 'vitest';
import type { LifecycleBackend } from '../adapter/LifecycleBackend';
import type { OffboardAdapter } from '../adapter/OffboardAdapter';
import { people, type TestClock } from './context';
import { as, observer } from './harness';
import { startWebhookReceiver } from './webhookReceiver';

/**
 * R16 end to end, for any backend: two changes reach a real receiver on 127.0.0.1, signed per
 * Standard Webhooks; its first two answers are 500s, retried after 1 s then 2 s (a pass before
 * the wait sends nothing); after de-duplication each event arrived exactly once, in the audit
 * log's order of changes, and the delivery log says so, page by page. The backend must run on
 * `clock` with `webhooks: { isAllowedUrl: () => true, retryBaseMs: 1_000 }` over the demo
 * organisation. The in-memory and PostgreSQL suites both run it.
 */
export async function proveWebhookRetries(backend: OffboardAdapter & LifecycleBackend, clock: TestClock): Promise<void> {
  const receiver = await startWebhookReceiver({ failures: 2 });
  try {
    const { endpoint, secret } = await backend.registerWebhookEndpoint({ url: receiver.url, description: 'HR system' }, as(people.admin));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    receiver.useSecret(secret);
    await backend.deactivateLicense(people.spainSeller, { reason: { code: 'downsizing' } }, as(people.admin));
    await backend.scheduleDeactivation(people.salesperson, { scope: 'user', at: '2026-11-03T09:00:00Z' }, as(people.admin));
    // A backend with an outbox hands both events over now; one that dispatches as it commits, none.
    expect([0, 2]).toContain(await backend.dispatchEvents());

    const passes = [];
    for (let pass = 0; pass < 3; pass++) {
      passes.push(await backend.deliverWebhooks());
      expect(await backend.deliverWebhooks()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      clock.advance(2 ** pass * 1_000);
    }
    expect(passes).toEqual([
      { delivered: 0, retrying: 2, failed: 0 },
      { delivered: 0, retrying: 2, failed: 0 },
      { delivered: 2, retrying: 0, failed: 0 },
    ]);

    const log = [...(await backend.listAuditLog({ limit: 2 }, observer)).items].reverse();
    expect(receiver.forged).toBe(0);
    expect(receiver.accepted).toHaveLength(2);
    // Deliveries of one pass may go out in any order; what arrived is each event of the log, once.
    const arrived = receiver.distinct().map((received) => [received.id, received.payload.type, received.payload.data.auditSeq]);
    expect(arrived.sort()).toEqual(log.map((entry) => [`evt_org-demo_${entry.seq}`, entry.action, entry.seq]).sort());
    expect(receiver.distinct().find((received) => received.payload.type === 'license.deactivated')!.payload.data).toMatchObject({
      organisationId: 'org-demo',
      reason: { code: 'downsizing' },
      target: { id: people.spainSeller },
    });
    expect([...receiver.attempts.values()]).toEqual([3, 3]);

    const first = await backend.listWebhookDeliveries({ endpointId: endpoint.id, limit: 1 }, as(people.admin));
    const next = await backend.listWebhookDeliveries({ endpointId: endpoint.id, cursor: first.nextCursor }, as(people.admin));
    expect([...first.items, ...next.items].map((delivery) => [delivery.eventType, delivery.status, delivery.attempts, delivery.lastStatus, delivery.nextAttemptAt])).toEqual([
      ['schedule.created', 'delivered', 3, 204, null],
      ['license.deactivated', 'delivered', 3, 204, null],
    ]);
    expect((await backend.listWebhookEndpoints({}, as(people.admin))).items).toEqual([endpoint]);
  } finally {
    await receiver.close();
  }
}
