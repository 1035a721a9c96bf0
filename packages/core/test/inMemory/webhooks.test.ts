import { describe, expect, it } from 'vitest';
import { DEMO_NOW, demoOrganisation } from '../../src/fixtures';
import { createInMemoryBackend } from '../../src/inMemory';
import type { Frame, Tenant } from '../../src/inMemory/frame';
import { MAX_KEPT_DELIVERIES, WebhookBook, inMemoryWebhooks } from '../../src/inMemory/webhooks';
import type { LifecycleEvent } from '../../src/events/lifecycleEvent';
import { webhookPolicyOf } from '../../src/webhooks/policy';
import { newWebhookSecret } from '../../src/webhooks/send';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../../src/webhooks/types';
import { as, people, refusal, testClock } from '../../src/testing';

/** Answers 200 to URLs ending in `/ok` and 500 to every other: no network, no waiting. */
const answering: typeof fetch = async (input) => new Response(null, { status: String(input).endsWith('/ok') ? 200 : 500 });

function backendWith() {
  const clock = testClock();
  const backend = createInMemoryBackend({ data: demoOrganisation(), clock, webhooks: { fetch: answering } });
  return { backend, clock };
}

/** What an untyped caller (plain JavaScript, a JSON body) may leave out, where the types ask for a value. */
const absent = undefined as never;

const ids = (page: { items: readonly { id: string }[] }) => page.items.map((item) => item.id);

type Kept = WebhookBook['deliveries'][number];
const event = { id: 'ev-1', type: 'license.deactivated' } as unknown as LifecycleEvent;

/** A delivery of the log, as the book keeps it: only its order, id and status matter to trimming. */
function delivery(seq: number, status: WebhookDeliveryStatus): Kept {
  const state: WebhookDelivery = {
    id: `wd-${seq}`,
    endpointId: 'we-1',
    eventId: event.id,
    eventType: event.type,
    status,
    attempts: status === 'pending' ? 0 : 1,
    nextAttemptAt: status === 'pending' ? DEMO_NOW : null,
    lastAttemptAt: null,
    lastStatus: null,
    lastError: null,
    deliveredAt: null,
    createdAt: DEMO_NOW,
  };
  return { seq, event, state };
}

describe('R16 webhooks on the in-memory backend: endpoints, the delivery log and its listings', () => {
  it('R16: endpoints are numbered in registration order from we-1 and keep their description, or null without one', async () => {
    const { backend, clock } = backendWith();
    const first = await backend.registerWebhookEndpoint({ url: 'https://hooks.example/ok', description: 'Payroll sync' }, as(people.admin));
    const second = await backend.registerWebhookEndpoint({ url: 'https://hooks.example/fail' }, as(people.admin));
    const createdAt = clock().toISOString();
    expect(first.endpoint).toEqual({ id: 'we-1', url: 'https://hooks.example/ok', description: 'Payroll sync', createdBy: people.admin, createdAt });
    expect(second.endpoint).toEqual({ id: 'we-2', url: 'https://hooks.example/fail', description: null, createdBy: people.admin, createdAt });
  });

  it('R16: a bad context, a URL into the server’s own network and an eleventh endpoint are refused naming the field, with their messages', async () => {
    const { backend } = backendWith();
    expect((await refusal(backend.registerWebhookEndpoint({ url: 'https://hooks.example/ok' }, absent), 'VALIDATION_FAILED')).details.field).toBe('context');
    const private_ = await refusal(backend.registerWebhookEndpoint({ url: 'http://10.0.0.8/x' }, as(people.admin)), 'VALIDATION_FAILED');
    expect([private_.details.field, private_.message]).toEqual(['input.url', 'input.url must be a public URL: this server does not post to its own network']);
    for (let n = 1; n <= 10; n++) await backend.registerWebhookEndpoint({ url: `https://hooks.example/${n}` }, as(people.admin));
    const tooMany = await refusal(backend.registerWebhookEndpoint({ url: 'https://hooks.example/11' }, as(people.admin)), 'VALIDATION_FAILED');
    expect([tooMany.details.field, tooMany.message]).toEqual(['input.url', 'input.url is one endpoint too many: an organisation has at most 10']);
  });

  it('R12: a member’s listing of endpoints or deliveries is refused as admin-only, naming the read', async () => {
    const { backend } = backendWith();
    expect((await refusal(backend.listWebhookEndpoints({}, as(people.salesperson)), 'FORBIDDEN')).details).toEqual({ reason: 'admin-only', read: 'webhooks' });
    expect((await refusal(backend.listWebhookDeliveries({}, as(people.salesperson)), 'FORBIDDEN')).details).toEqual({ reason: 'admin-only', read: 'webhooks' });
  });

  it('R12: listings take no query or a page request; a bad one is refused naming its field under `query`', async () => {
    const { backend } = backendWith();
    await backend.registerWebhookEndpoint({ url: 'https://hooks.example/ok' }, as(people.admin));
    expect(ids(await backend.listWebhookEndpoints(absent, as(people.admin)))).toEqual(['we-1']);
    expect((await backend.listWebhookDeliveries(absent, as(people.admin))).items).toEqual([]);
    expect((await refusal(backend.listWebhookEndpoints({ limit: 0 }, as(people.admin)), 'VALIDATION_FAILED')).details.field).toBe('query.limit');
    expect((await refusal(backend.listWebhookDeliveries({ limit: 0 }, as(people.admin)), 'VALIDATION_FAILED')).details.field).toBe('query.limit');
  });

  it('R12: endpoints page in registration order, we-10 after we-9', async () => {
    const { backend } = backendWith();
    for (let n = 1; n <= 10; n++) await backend.registerWebhookEndpoint({ url: `https://hooks.example/${n}` }, as(people.admin));
    const first = await backend.listWebhookEndpoints({ limit: 9 }, as(people.admin));
    expect([ids(first), first.total]).toEqual([['we-1', 'we-2', 'we-3', 'we-4', 'we-5', 'we-6', 'we-7', 'we-8', 'we-9'], 10]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await backend.listWebhookEndpoints({ limit: 9, cursor: first.nextCursor }, as(people.admin));
    expect([ids(second), second.nextCursor]).toEqual([['we-10'], null]);
  });

  it('R16: the delivery log lists newest first, filtered by endpoint, status or both; a delivered one records when', async () => {
    const { backend, clock } = backendWith();
    await backend.registerWebhookEndpoint({ url: 'https://hooks.example/ok' }, as(people.admin));
    await backend.registerWebhookEndpoint({ url: 'https://hooks.example/fail' }, as(people.admin));
    await backend.deactivateLicense(people.spainSeller, as(people.admin));
    clock.advance(1_000);
    expect(await backend.deliverWebhooks()).toEqual({ delivered: 1, retrying: 1, failed: 0 });
    await backend.deactivateLicense(people.otherSpainSeller, as(people.admin));
    const list = (query: object) => backend.listWebhookDeliveries(query, as(people.admin)).then(ids);

    expect(await list({})).toEqual(['wd-4', 'wd-3', 'wd-2', 'wd-1']);
    expect(await list({ endpointId: 'we-1' })).toEqual(['wd-3', 'wd-1']);
    expect(await list({ status: 'pending' })).toEqual(['wd-4', 'wd-3', 'wd-2']);
    expect(await list({ status: 'delivered' })).toEqual(['wd-1']);
    expect(await list({ endpointId: 'we-1', status: 'pending' })).toEqual(['wd-3']);
    expect(await list({ endpointId: 'we-2', status: 'delivered' })).toEqual([]);
    const byId = new Map((await backend.listWebhookDeliveries({}, as(people.admin))).items.map((item) => [item.id, item]));
    const sentAt = clock().toISOString();
    expect(byId.get('wd-1')).toMatchObject({ endpointId: 'we-1', status: 'delivered', attempts: 1, lastStatus: 200, lastAttemptAt: sentAt, deliveredAt: sentAt });
    expect(byId.get('wd-2')).toMatchObject({ endpointId: 'we-2', status: 'pending', attempts: 1, lastStatus: 500, lastAttemptAt: sentAt, deliveredAt: null });
  });
});

describe('R16 webhooks: the delivery log stays bounded (WebhookBook, past MAX_KEPT_DELIVERIES)', () => {
  it('R16: up to MAX_KEPT_DELIVERIES finished deliveries, trimming keeps the whole log', () => {
    const book = new WebhookBook();
    book.deliveries = [delivery(1, 'pending'), ...Array.from({ length: MAX_KEPT_DELIVERIES }, (_, i) => delivery(i + 2, i % 2 ? 'failed' : 'delivered'))];
    const before = book.deliveries.map((kept) => kept.state.id);
    book.trim();
    expect(book.deliveries.map((kept) => kept.state.id)).toEqual(before);
  });

  it('R16: past the bound the oldest finished deliveries go, exactly down to the bound; pending ones all stay, wherever they are', () => {
    const book = new WebhookBook();
    const finished = Array.from({ length: MAX_KEPT_DELIVERIES + 2 }, (_, i) => delivery(i + 2, i % 2 ? 'failed' : 'delivered'));
    book.deliveries = [delivery(1, 'pending'), ...finished.slice(0, 5_000), delivery(20_000, 'pending'), ...finished.slice(5_000), delivery(20_001, 'pending')];
    const expected = book.deliveries.map((kept) => kept.state.id).filter((id) => id !== 'wd-2' && id !== 'wd-3');
    book.trim();
    expect(book.deliveries.map((kept) => kept.state.id)).toEqual(expected);
    expect(book.deliveries.filter((kept) => kept.state.status !== 'pending')).toHaveLength(MAX_KEPT_DELIVERIES);
  });

  it('R16: each sending pass trims the log it has just written to', async () => {
    const book = new WebhookBook();
    book.endpoints.set('we-1', {
      endpoint: { id: 'we-1', url: 'https://hooks.example/ok', description: null, createdBy: people.admin, createdAt: DEMO_NOW },
      secret: newWebhookSecret(),
    });
    book.deliveries = [...Array.from({ length: MAX_KEPT_DELIVERIES }, (_, i) => delivery(i + 1, 'delivered')), delivery(MAX_KEPT_DELIVERIES + 1, 'pending')];
    // Sending reads only the organisation's book; the rest of a tenant is never touched.
    const organisation = { webhooks: book } as unknown as Tenant & { readonly webhooks: WebhookBook };
    const clock = () => new Date(DEMO_NOW);
    const webhooks = inMemoryWebhooks({} as Frame, () => [organisation], () => organisation, webhookPolicyOf({ fetch: answering }), clock);
    expect(await webhooks.deliverWebhooks()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(book.deliveries).toHaveLength(MAX_KEPT_DELIVERIES);
    expect([book.deliveries[0]!.state.id, book.deliveries.at(-1)!.state]).toMatchObject(['wd-2', { id: `wd-${MAX_KEPT_DELIVERIES + 1}`, status: 'delivered' }]);
  });
});
