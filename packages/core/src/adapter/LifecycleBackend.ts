import type { LifecycleListener } from '../events/lifecycleEvent';
import type {
  ListWebhookDeliveriesQuery,
  ListWebhookEndpointsQuery,
  RegisterWebhookEndpointInput,
  RegisteredWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryReport,
  WebhookEndpoint,
} from '../webhooks/types';
import type { Caller, ReadContext } from './context';
import type { Page } from './OffboardAdapter';

/** A schedule of an organisation: ids are unique within one. */
export interface ScheduleRef {
  readonly organisationId: string;
  readonly id: string;
}

/** What one pass of `runDueSchedules` performed: the schedules it completed and failed. */
export interface ScheduleRunReport {
  readonly completed: readonly ScheduleRef[];
  readonly failed: readonly ScheduleRef[];
}

/**
 * What Offboard's own backends (in memory, PostgreSQL) do besides `OffboardAdapter`: run due
 * schedules (R15), announce every change (R16) and deliver it to webhooks. Server-side only:
 * none of it is part of the REST contract, and `createLifecycleWorker` drives the periodic part.
 */
export interface LifecycleBackend {
  /**
   * R15: performs every pending schedule due by `now` (the backend's clock by default), each
   * exactly once however many processes call this at the same time.
   */
  runDueSchedules(now?: Date): Promise<ScheduleRunReport>;
  /** R16: `listener` hears every event once its change has committed; the function returned stops it. */
  subscribe(listener: LifecycleListener): () => void;
  /**
   * R16: hands events committed but not yet dispatched to the subscribers and into each webhook
   * endpoint's delivery log; answers how many. A backend that dispatches as it commits answers 0.
   */
  dispatchEvents(): Promise<number>;
  /** R16: sends the webhook deliveries due by `now`, retrying failures with exponential backoff. */
  deliverWebhooks(now?: Date): Promise<WebhookDeliveryReport>;
  /**
   * R16: an endpoint for the caller's organisation (admin-only); the answer holds its secret, once.
   * Configuration, not an offboarding change: no audit entry, no event, no idempotency key.
   */
  registerWebhookEndpoint(input: RegisterWebhookEndpointInput, context: Caller): Promise<RegisteredWebhookEndpoint>;
  /** Admin-only; oldest first, without secrets. */
  listWebhookEndpoints(query: ListWebhookEndpointsQuery, context: ReadContext): Promise<Page<WebhookEndpoint>>;
  /** The delivery log, admin-only; newest first. */
  listWebhookDeliveries(query: ListWebhookDeliveriesQuery, context: ReadContext): Promise<Page<WebhookDelivery>>;
}
