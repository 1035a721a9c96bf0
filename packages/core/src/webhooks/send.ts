import { Webhook } from 'standardwebhooks';
import type { LifecycleEvent } from '../events/lifecycleEvent';
import type { WebhookPolicy } from './policy';

/** How one attempt went: `error` is `null` after a 2xx answer. */
export interface AttemptResult {
  readonly status: number | null;
  readonly error: string | null;
}

/** `whsec_` and 32 random bytes in base64: the form Standard Webhooks secrets take. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** The body every endpoint receives: Standard Webhooks' `type`, `timestamp` and `data` (the event). */
export function webhookPayload(event: LifecycleEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.at, data: event });
}

/**
 * Posts one event to one endpoint, signed per the Standard Webhooks specification: the event's
 * id as `webhook-id` (the same on every retry, for the receiver to de-duplicate), the time of
 * this attempt as `webhook-timestamp`, and `v1,<HMAC-SHA256>` as `webhook-signature`. The
 * timestamp is the real time of sending, not the backend's clock: receivers refuse signatures
 * older than a few minutes to stop replays. Redirects are not followed (the endpoint is the URL
 * an admin registered, nothing else) and the answer's body is not read.
 */
export async function sendWebhook(target: { readonly url: string; readonly secret: string }, event: LifecycleEvent, policy: WebhookPolicy): Promise<AttemptResult> {
  const payload = webhookPayload(event);
  const sentAt = new Date();
  const headers = {
    'Content-Type': 'application/json',
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(target.secret).sign(event.id, sentAt, payload),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    const response = await policy.fetch(target.url, { method: 'POST', headers, body: payload, redirect: 'manual', signal: controller.signal });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, error: response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}` };
  } catch {
    return { status: null, error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}
