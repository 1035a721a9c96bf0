import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_NOW, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import { as, people, proveWebhookRetries, refusal, startWebhookReceiver, testClock, type WebhookReceiver } from '../../src/testing';

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A backend on the suite's clock whose webhooks may post to 127.0.0.1, where the test's receiver listens. */
function backendWith(options: { maxAttempts?: number } = {}) {
  const clock = testClock();
  const backend = createInMemoryBackend({ data: demoOrganisation(), clock, webhooks: { isAllowedUrl: () => true, retryBaseMs: 1_000, ...options } });
  return { backend, clock };
}

describe('R16 webhooks (in-memory backend, a real receiver on 127.0.0.1)', () => {
  it('R16: every event reaches the receiver signed per Standard Webhooks; 500s are retried with backoff, and after de-duplication each event arrives exactly once', async () => {
    const { backend, clock } = backendWith();
    await proveWebhookRetries(backend, clock);
  });

  it('R16: a receiver that keeps failing gets a bounded number of attempts, each after twice the wait, then the delivery fails', async () => {
    receiver = await startWebhookReceiver({ failures: Number.POSITIVE_INFINITY });
    const { backend, clock } = backendWith({ maxAttempts: 4 });
    receiver.useSecret((await backend.registerWebhookEndpoint({ url: receiver.url }, as(people.admin))).secret);
    await backend.deactivateLicense(people.spainSeller, as(people.admin));
    const waits: number[] = [];
    for (;;) {
      await backend.deliverWebhooks();
      const [delivery] = (await backend.listWebhookDeliveries({}, as(people.admin))).items;
      if (delivery!.status === 'failed') {
        expect(delivery).toMatchObject({ attempts: 4, nextAttemptAt: null, lastStatus: 500, lastError: 'HTTP 500', deliveredAt: null });
        break;
      }
      const wait = Date.parse(delivery!.nextAttemptAt!) - clock().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect([...receiver.attempts.values()]).toEqual([4]);
  });

  it('R16: a signature made with another secret does not verify: the receiver refuses it', async () => {
    receiver = await startWebhookReceiver();
    const { backend } = backendWith();
    await backend.registerWebhookEndpoint({ url: receiver.url }, as(people.admin));
    receiver.useSecret(`whsec_${btoa('another secret, 32 bytes long!!')}`);
    await backend.deactivateLicense(people.spainSeller, as(people.admin));
    expect(await backend.deliverWebhooks()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect([receiver.forged, receiver.accepted.length]).toEqual([1, 0]);
  });

  it('R16, R12: endpoints and deliveries are admin-only; the secret is never listed; URLs into the server’s own network are refused by default', async () => {
    const backend = createInMemoryBackend({ data: demoOrganisation(), clock: () => new Date(DEMO_NOW) });
    expect((await refusal(backend.registerWebhookEndpoint({ url: 'https://hooks.example/offboard' }, as(people.salesperson)), 'FORBIDDEN')).details.reason).toBe('not-admin');
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://10.0.0.8/x', 'http://169.254.169.254/latest', 'http://[::1]/x', 'ftp://hooks.example/x', 'https://user:pw@hooks.example/x']) {
      expect((await refusal(backend.registerWebhookEndpoint({ url }, as(people.admin)), 'VALIDATION_FAILED')).details.field, url).toBe('input.url');
    }
    const { endpoint } = await backend.registerWebhookEndpoint({ url: 'https://hooks.example/offboard' }, as(people.admin));
    const listed = await backend.listWebhookEndpoints({}, as(people.admin));
    expect(listed.items).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect((await refusal(backend.listWebhookEndpoints({}, as(people.salesperson)), 'FORBIDDEN')).details.reason).toBe('admin-only');
    expect((await refusal(backend.listWebhookDeliveries({}, as(people.salesperson)), 'FORBIDDEN')).details.reason).toBe('admin-only');
    for (let n = 2; n <= 10; n++) await backend.registerWebhookEndpoint({ url: `https://hooks.example/${n}` }, as(people.admin));
    expect((await refusal(backend.registerWebhookEndpoint({ url: 'https://hooks.example/11' }, as(people.admin)), 'VALIDATION_FAILED')).message).toContain('at most 10');
  });
});
