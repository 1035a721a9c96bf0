import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, discardRest, endsConnection, lingerBeforeClosing, trackAnswer } from './connections';
import type { OffboardHandler } from '@offboard/core/server';
import { realOf, toWebRequest, writeAnswer, writeResponse } from './nodeBridge';

/** Any fetch-style handler: `createOffboardHandler(...)`, or a host's own around it. */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface OffboardServerOptions {
  /**
   * The Offboard handler's plain answers are written as they are (`handler.answer`), its
   * requests bridged from Node without building undici's `Request` (`toWebRequest`); any other
   * handler gets undici's `Request` and its `Response` is streamed.
   */
  readonly handler: FetchHandler | OffboardHandler;
  /** Loopback unless the host says otherwise: put a TLS-terminating proxy in front to go public. @default '127.0.0.1' */
  readonly host?: string;
  /** `0` picks a free port; `listen()` answers the one taken. @default 8787 */
  readonly port?: number;
  /**
   * How long `close()` lets requests in flight finish before it cuts their connections. Keep it
   * above the handler's own `timeoutMs` (15 s by default), which bounds every request, so that
   * each request in flight at shutdown still gets its answer. @default 20_000
   */
  readonly shutdownGraceMs?: number;
  /** A client gets this long to send a request's headers (slowloris). @default 10_000 */
  readonly headersTimeoutMs?: number;
  /**
   * A client gets this long to send a whole request, body included. A backstop: the Offboard
   * handler answers a slow body itself (408) at its `timeoutMs`, so keep this above that. @default 30_000
   */
  readonly requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this long; above a proxy's own idle timeout when one sits in front. @default 5_000 */
  readonly keepAliveTimeoutMs?: number;
  /** How often header and request deadlines are checked, so how late past them a slow client is cut off. @default 1_000 */
  readonly timeoutCheckIntervalMs?: number;
  /**
   * A failure outside the handler's own reporting: the handler threw (the Offboard handler never
   * does) or an answer broke off while streaming. The client gets a bare 500 or a closed connection.
   * @default one line on stderr
   */
  readonly onError?: (error: unknown) => void;
}

export interface OffboardServer {
  /** The underlying `node:http` server, for a host that attaches more to it. */
  readonly server: Server;
  /** Binds and answers the base URL, `http://127.0.0.1:8787`. */
  listen(): Promise<URL>;
  /**
   * Graceful shutdown: stop accepting connections, close idle keep-alive ones, let requests in
   * flight finish (their answers say `Connection: close`), cut what is left after
   * `shutdownGraceMs`. Resolves when every connection is closed; calling it again returns the same promise.
   */
  close(): Promise<void>;
}

export const HEALTH_PATH = '/healthz';

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

function json(response: ServerResponse, status: number, body: object, close: boolean): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(text)), ...(close ? { connection: 'close' } : {}) }).end(text);
}

/** A problem the bridge itself gives, before or after the handler; it names nothing of the request. */
function problem(response: ServerResponse, status: 400 | 500, close: boolean): void {
  const title = status === 400 ? 'Bad Request' : 'Internal Server Error';
  const text = JSON.stringify({ type: 'about:blank', title, status });
  response
    .writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', 'content-length': String(text.length), ...(close ? { connection: 'close' } : {}) })
    .end(text);
}

const isHealthCheck = (request: IncomingMessage) =>
  (request.method === 'GET' || request.method === 'HEAD') && (request.url === HEALTH_PATH || request.url?.startsWith(`${HEALTH_PATH}?`) === true);

function logError(error: unknown): void {
  const summary = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`offboard-server: ${summary.replace(/\s+/g, ' ')}\n`);
}

/**
 * A Node HTTP server around a fetch-style handler: `GET /healthz`, the handler for everything
 * else, deadlines for slow clients, and a graceful `close()`. Nothing is listening until `listen()`.
 */
export function createOffboardServer(options: OffboardServerOptions): OffboardServer {
  const { handler, host = '127.0.0.1', port = 8787, shutdownGraceMs = 20_000, onError = logError } = options;
  // The Offboard handler's plain answers skip building a Response only to read it back.
  const direct = 'answer' in handler && typeof handler.answer === 'function' ? handler.answer : undefined;
  let draining = false;
  let closing: Promise<void> | undefined;

  /**
   * Writes an answer of `status` with `write`, having decided first whether it ends the
   * connection (and then lingers); a connection that stays drops what is left of the body.
   */
  async function reply(request: IncomingMessage, status: number, write: (ends: boolean) => unknown): Promise<void> {
    const ends = endsConnection(request, status, draining);
    if (ends && !request.complete) lingerBeforeClosing(request.socket);
    await write(ends);
    if (!ends) discardRest(request);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    trackAnswer(request.socket, response);
    response.once('close', () => {
      // An answer already on its way when shutdown began did not say `Connection: close`: its
      // connection closes as soon as it turns idle.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    if (isHealthCheck(request)) return reply(request, 200, (ends) => json(response, 200, { status: 'ok' }, ends));
    const web = toWebRequest(request);
    if (!web) return reply(request, 400, (ends) => problem(response, 400, ends));
    let answered: Response;
    try {
      if (direct) {
        const plain = await direct(web);
        if (response.destroyed) return;
        return reply(request, plain.status, (ends) => writeAnswer(plain, response, ends));
      }
      // A host's own handler may hand its request to undici (`fetch(request)`): it gets undici's own.
      answered = await handler(realOf(web));
    } catch (error) {
      onError(error);
      return reply(request, 500, (ends) => problem(response, 500, ends));
    }
    if (response.destroyed) return void answered.body?.cancel().catch(() => undefined);
    return reply(request, answered.status, async (ends) => {
      try {
        await writeResponse(answered, response, ends);
      } catch (error) {
        onError(error);
        if (response.headersSent) response.destroy();
        else problem(response, 500, true);
      }
    });
  }

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 1_000,
    },
    (request, response) => void answer(request, response),
  );
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  server.on('clientError', answerClientError);

  return {
    server,
    listen: () =>
      new Promise<URL>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { address, port: bound } = server.address() as AddressInfo;
          resolve(new URL(`http://${address.includes(':') ? `[${address}]` : address}:${bound}`));
        });
      }),
    close() {
      closing ??= new Promise<void>((resolve) => {
        draining = true;
        const deadline = setTimeout(() => server.closeAllConnections(), shutdownGraceMs);
        // Stops accepting at once and closes idle keep-alive connections (Node ≥ 19); the
        // callback runs when the last connection has closed.
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
      });
      return closing;
    },
  };
}
