import type { Caller } from '../adapter/context';
import { ReadContextSchema } from '../contract/schemas';
import { invalidField, validate } from '../contract/validate';
import type { LifecycleEvent } from '../events/lifecycleEvent';
import { standingRefusal } from '../rules/guards';
import { MAX_WEBHOOK_ENDPOINTS, nextAttemptAt, type WebhookPolicy } from '../webhooks/policy';
import { ListWebhookDeliveriesQuerySchema, ListWebhookEndpointsQuerySchema, RegisterWebhookEndpointInputSchema } from '../webhooks/schemas';
import { newWebhookSecret, sendWebhook } from '../webhooks/send';
import type { RegisteredWebhookEndpoint, WebhookDelivery, WebhookDeliveryReport, WebhookEndpoint } from '../webhooks/types';
import { refuse, type Frame, type Tenant } from './frame';
import { paginate } from './paginate';
import { SerialQueue } from './serialized';

/** Finished deliveries an organisation keeps in its log; the oldest go first. */
export const MAX_KEPT_DELIVERIES = 10_000;

interface Delivery {
  readonly seq: number;
  readonly event: LifecycleEvent;
  state: WebhookDelivery;
}

/** R16: one organisation's endpoints (with their secrets) and its delivery log. */
export class WebhookBook {
  readonly endpoints = new Map<string, { readonly endpoint: WebhookEndpoint; readonly secret: string }>();
  /** Oldest first. */
  deliveries: Delivery[] = [];
  private created = 0;

  /** An event committed: one pending delivery per endpoint, due at once. */
  enqueue(event: LifecycleEvent, now: Date): void {
    for (const { endpoint } of this.endpoints.values()) {
      const seq = ++this.created;
      const at = now.toISOString();
      const state: WebhookDelivery = {
        id: `wd-${seq}`,
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        lastAttemptAt: null,
        lastStatus: null,
        lastError: null,
        deliveredAt: null,
        createdAt: at,
      };
      this.deliveries.push({ seq, event, state });
    }
  }

  /** Keeps the log bounded: past `MAX_KEPT_DELIVERIES` finished ones, the oldest finished go. */
  trim(): void {
    let finished = this.deliveries.filter((delivery) => delivery.state.status !== 'pending').length;
    if (finished <= MAX_KEPT_DELIVERIES) return;
    this.deliveries = this.deliveries.filter((delivery) => delivery.state.status === 'pending' || finished-- <= MAX_KEPT_DELIVERIES);
  }
}

const newestFirst = (delivery: Delivery) => String(Number.MAX_SAFE_INTEGER - delivery.seq).padStart(16, '0');

/** R16 on the in-memory backend: endpoints, the delivery log, and sending with retries. */
export function inMemoryWebhooks(frame: Frame, tenants: () => Iterable<Tenant & { readonly webhooks: WebhookBook }>, tenantOf: (organisationId: string) => Tenant & { readonly webhooks: WebhookBook }, policy: WebhookPolicy, clock: () => Date) {
  // Passes take turns, so two at once never send one attempt twice.
  const sending = new SerialQueue();

  return {
    async registerWebhookEndpoint(input: unknown, context: unknown): Promise<RegisteredWebhookEndpoint> {
      const caller: Caller = validate(ReadContextSchema, context, 'context');
      const { url, description } = validate(RegisterWebhookEndpointInputSchema, input, 'input');
      const { webhooks } = tenantOf(caller.organisationId);
      return frame.change(caller.organisationId, clock, async (store) => {
        refuse(await standingRefusal(store, caller, 'admin'));
        if (!policy.isAllowedUrl(new URL(url))) throw invalidField('input.url', 'must be a public URL: this server does not post to its own network');
        if (webhooks.endpoints.size >= MAX_WEBHOOK_ENDPOINTS) throw invalidField('input.url', `is one endpoint too many: an organisation has at most ${MAX_WEBHOOK_ENDPOINTS}`);
        const endpoint: WebhookEndpoint = { id: `we-${webhooks.endpoints.size + 1}`, url, description: description ?? null, createdBy: caller.actorId, createdAt: clock().toISOString() };
        const secret = newWebhookSecret();
        webhooks.endpoints.set(endpoint.id, { endpoint, secret });
        return { endpoint: { ...endpoint }, secret };
      });
    },

    async listWebhookEndpoints(query: unknown, context: unknown) {
      const listing = validate(ListWebhookEndpointsQuerySchema, query ?? {}, 'query');
      return frame.read(context, { read: 'webhooks' }, (_store, caller) => {
        const endpoints = [...tenantOf(caller.organisationId).webhooks.endpoints.values()].map(({ endpoint }) => endpoint);
        // Ids count up (`we-1`, `we-2`…): registration order.
        return paginate(endpoints, (endpoint) => endpoint.id.slice('we-'.length).padStart(8, '0'), listing, (endpoint) => ({ ...endpoint }));
      });
    },

    async listWebhookDeliveries(query: unknown, context: unknown) {
      const listing = validate(ListWebhookDeliveriesQuerySchema, query ?? {}, 'query');
      return frame.read(context, { read: 'webhooks' }, (_store, caller) => {
        const selected = tenantOf(caller.organisationId)
          .webhooks.deliveries.filter(({ state }) => (!listing.endpointId || state.endpointId === listing.endpointId) && (!listing.status || state.status === listing.status))
          .reverse();
        return paginate(selected, newestFirst, listing, ({ state }) => ({ ...state }));
      });
    },

    /** Sends every delivery due by `now`, one after another, and records each attempt in the log. */
    deliverWebhooks(now: Date = clock()): Promise<WebhookDeliveryReport> {
      return sending.run(async () => {
        const report = { delivered: 0, retrying: 0, failed: 0 };
        for (const { webhooks } of tenants()) {
          const due = webhooks.deliveries.filter(({ state }) => state.status === 'pending' && Date.parse(state.nextAttemptAt!) <= now.getTime());
          for (const delivery of due) {
            const target = webhooks.endpoints.get(delivery.state.endpointId)!;
            const result = await sendWebhook({ url: target.endpoint.url, secret: target.secret }, delivery.event, policy);
            const attempts = delivery.state.attempts + 1;
            const next = result.error === null ? null : nextAttemptAt(policy, attempts, now);
            const status = result.error === null ? 'delivered' : next ? 'pending' : 'failed';
            report[status === 'pending' ? 'retrying' : status] += 1;
            delivery.state = {
              ...delivery.state,
              status,
              attempts,
              nextAttemptAt: next?.toISOString() ?? null,
              lastAttemptAt: now.toISOString(),
              lastStatus: result.status,
              lastError: result.error,
              deliveredAt: status === 'delivered' ? now.toISOString() : null,
            };
          }
          webhooks.trim();
        }
        return report;
      });
    },
  };
}
