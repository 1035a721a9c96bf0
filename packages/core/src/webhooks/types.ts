import type { PageRequest } from '../adapter/OffboardAdapter';
import type { LifecycleEventType } from '../events/lifecycleEvent';

/** R16: where an organisation's events are posted, signed with the endpoint's secret. */
export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** What registering answers, once: the secret is never shown again. */
export interface RegisteredWebhookEndpoint {
  readonly endpoint: WebhookEndpoint;
  /** `whsec_…`: the Standard Webhooks secret the receiver verifies signatures with. */
  readonly secret: string;
}

export interface RegisterWebhookEndpointInput {
  /** An `https:` (or `http:`) URL of at most 2,000 characters. */
  readonly url: string;
  readonly description?: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event on its way to one endpoint: the delivery log. `pending` while attempts remain
 * (`nextAttemptAt` says when the next is due), `delivered` after a 2xx answer, `failed` once the
 * last attempt failed.
 */
export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  /** The event's id, sent as `webhook-id`: the same on every attempt. */
  readonly eventId: string;
  readonly eventType: LifecycleEventType;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  /** The HTTP status of the last answer, `null` when none came. */
  readonly lastStatus: number | null;
  /** Why the last attempt failed: `HTTP 500`, `timeout`, `network`; `null` after a success. */
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

export type ListWebhookEndpointsQuery = PageRequest;

export interface ListWebhookDeliveriesQuery extends PageRequest {
  readonly endpointId?: string;
  readonly status?: WebhookDeliveryStatus;
}

/** How a backend delivers webhooks. */
export interface WebhookOptions {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** An attempt with no answer by then fails as `timeout`. @default 10_000 */
  readonly timeoutMs?: number;
  /** Attempts before a delivery is `failed`. @default 8 */
  readonly maxAttempts?: number;
  /** The wait after the first failure; it doubles after each. @default 30_000 */
  readonly retryBaseMs?: number;
  /** The longest wait between two attempts. @default 3_600_000 */
  readonly retryMaxMs?: number;
  /**
   * Which URLs an admin may register. By default only public ones: not `localhost` nor a literal
   * loopback, private or link-local address, so an admin cannot aim the server at its own
   * network (a host name that resolves to one is for the host's egress rules to stop).
   */
  readonly isAllowedUrl?: (url: URL) => boolean;
}

/** What one pass of `deliverWebhooks` did. */
export interface WebhookDeliveryReport {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
}
