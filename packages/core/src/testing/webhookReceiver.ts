import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  /** `webhook-id`: the event's id. */
  readonly id: string;
  /** The verified payload: `{ type, timestamp, data }`. */
  readonly payload: { readonly type: string; readonly timestamp: string; readonly data: { readonly id: string; readonly [field: string]: unknown } };
}

export interface WebhookReceiver {
  /** Where to register the endpoint: `http://127.0.0.1:<port>/hooks`. */
  readonly url: string;
  /** The secret registering answered, to verify signatures with. */
  useSecret(secret: string): void;
  /** Every delivery answered 2xx, in arrival order: duplicates (at least once) included. */
  readonly accepted: readonly ReceivedWebhook[];
  /** Deliveries per `webhook-id`, failed ones included. */
  readonly attempts: ReadonlyMap<string, number>;
  /** Requests whose signature did not verify (answered 401). */
  readonly forged: number;
  /** The accepted events once each, de-duplicated by `webhook-id` as a receiver must. */
  distinct(): ReceivedWebhook[];
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A real webhook receiver on 127.0.0.1 (node:http), as a host writes one: it verifies every
 * request with `standardwebhooks`' `Webhook.verify` (signature and timestamp) and answers 500 to
 * the first `failures` attempts of each event, so senders must retry; then 204.
 */
export async function startWebhookReceiver(options: { readonly failures?: number } = {}): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  const accepted: ReceivedWebhook[] = [];
  const attempts = new Map<string, number>();
  let forged = 0;
  const server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name] ?? '')]));
      let payload: ReceivedWebhook['payload'];
      try {
        if (!verifier) throw new Error('no secret yet');
        payload = verifier.verify(body, headers) as ReceivedWebhook['payload'];
      } catch {
        forged += 1;
        response.writeHead(401).end();
        return;
      }
      const id = headers['webhook-id']!;
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      if (attempt <= (options.failures ?? 0)) {
        response.writeHead(500).end();
        return;
      }
      accepted.push({ id, payload });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    useSecret: (secret) => void (verifier = new Webhook(secret)),
    accepted,
    attempts,
    get forged() {
      return forged;
    },
    distinct: () => [...new Map(accepted.map((received) => [received.id, received])).values()],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
