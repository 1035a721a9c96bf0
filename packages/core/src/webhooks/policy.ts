import type { WebhookOptions } from './types';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
export const DEFAULT_WEBHOOK_MAX_ATTEMPTS = 8;
export const DEFAULT_WEBHOOK_RETRY_BASE_MS = 30_000;
export const DEFAULT_WEBHOOK_RETRY_MAX_MS = 60 * 60 * 1000;
/** Endpoints an organisation may register. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

/** `WebhookOptions` with every default filled in. */
export interface WebhookPolicy {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly isAllowedUrl: (url: URL) => boolean;
}

const PRIVATE_IPV4 = [/^127\./, /^10\./, /^192\.168\./, /^169\.254\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./];

/** Not `localhost` and not a literal loopback, private, link-local or unspecified address. */
export function isPublicUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  if (PRIVATE_IPV4.some((range) => range.test(host))) return false;
  // IPv6: loopback, unspecified, unique-local (fc00::/7), link-local (fe80::/10), mapped IPv4.
  return !(host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:'));
}

export function webhookPolicyOf(options: WebhookOptions = {}): WebhookPolicy {
  return {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    maxAttempts: options.maxAttempts ?? DEFAULT_WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: options.retryBaseMs ?? DEFAULT_WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: options.retryMaxMs ?? DEFAULT_WEBHOOK_RETRY_MAX_MS,
    isAllowedUrl: options.isAllowedUrl ?? isPublicUrl,
  };
}

/**
 * When the next attempt is due after `attempts` failed ones (exponential backoff), or `null` once
 * they are used up and the delivery has failed.
 */
export function nextAttemptAt(policy: WebhookPolicy, attempts: number, now: Date): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + Math.min(policy.retryBaseMs * 2 ** (attempts - 1), policy.retryMaxMs));
}
