import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OffboardAnswer } from '@offboard/core/server';

/**
 * Requests are routed by path alone. The `Host` header is the client's to choose, so it never
 * becomes part of the URL a handler sees.
 */
const ORIGIN = 'http://localhost';

/** `/path?query` of a request target, also for the absolute form (`GET http://x/path`); `null` for `*` and garbage. */
function pathOf(target: string): string | null {
  if (target.startsWith('/')) return target;
  if (!URL.canParse(target)) return null;
  const url = new URL(target);
  return `${url.pathname}${url.search}`;
}

/** A request declares a body by `Transfer-Encoding` or a non-zero `Content-Length` (RFC 9112 §6.3). */
export function declaresBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The socket's bytes as a web stream that asks for one chunk at a time: the socket is paused
 * whenever the stream holds a chunk nobody has read, so a client pushing faster than the handler
 * reads waits in TCP's window instead of in this process's memory. Cancelling (the handler
 * refusing a body as too large) only pauses: the socket stays open for the answer, which then
 * closes it (`endsConnection` in connections.ts).
 */
function bodyOf(request: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on('data', (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        });
        request.once('end', () => {
          if (!settled) controller.close();
          settled = true;
        });
        // A client that goes away mid-body: the handler must not take a truncated body for a whole one.
        const gone = (error?: Error) => {
          if (!settled) controller.error(error ?? new Error('the client closed the connection before sending the whole body'));
          settled = true;
        };
        request.once('error', gone);
        request.once('close', () => gone());
      },
      pull() {
        request.resume();
      },
      cancel() {
        settled = true;
        request.pause();
      },
    },
    { highWaterMark: 1 },
  );
}

/** What a bridged request is made of; every other member of a `Request` is built from it. */
interface Parts {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

const PARTS = Symbol('parts');
const REAL = Symbol('real');
type Bridged = Request & { readonly [PARTS]: Parts; [REAL]?: Request };

/** The undici `Request` a bridged request stands for, built once. */
export function realOf(request: Request): Request {
  const bridged = request as Bridged;
  const { method, url, headers, body } = bridged[PARTS];
  return (bridged[REAL] ??= new Request(url, { method, headers, body, duplex: 'half' } as RequestInit));
}

/**
 * A `Request` (its prototype is `Request.prototype`) whose `method`, `url` and `headers` are
 * read from its parts, and whose every other member (`body`, `signal`, `text()`, `clone()`…)
 * goes to a real `Request` built on first use. Undici's constructor costs ≈ 10 µs (an
 * `AbortController`, a URL parse, a header list), as much as a whole read of the Offboard
 * handler; a read never touches anything but the head, so it never pays it. One limit: undici's
 * own `new Request(request)` and `fetch(request)` take only its own objects (`request.clone()`
 * is one), so only the Offboard handler, and the `authenticate` it calls, get these.
 */
const BRIDGED: object = Object.create(Request.prototype);
for (const key of Reflect.ownKeys(Request.prototype)) {
  if (key === 'constructor') continue;
  const { get, value } = Object.getOwnPropertyDescriptor(Request.prototype, key)!;
  if (key === 'method' || key === 'url' || key === 'headers') {
    Object.defineProperty(BRIDGED, key, { get: function (this: Bridged) { return this[PARTS][key]; } });
  } else if (get) {
    Object.defineProperty(BRIDGED, key, { get: function (this: Bridged) { return get.call(realOf(this)); } });
  } else if (typeof value === 'function') {
    Object.defineProperty(BRIDGED, key, { value: function (this: Bridged, ...args: unknown[]) { return value.apply(realOf(this), args); } });
  }
}

/** Methods the Fetch standard forbids; Node hands `CONNECT` to its own event, never here. */
const FORBIDDEN_METHODS = new Set(['TRACE', 'TRACK']);

/**
 * The Web `Request` for a Node request, bridged (see `BRIDGED`; `realOf` gives the undici one),
 * or `null` when it cannot be one (a request target that
 * is no path, a method the Fetch standard forbids such as `TRACE`, a header value `Headers`
 * refuses). Headers keep their repeats, so two `Authorization` headers reach `authenticate` as
 * one value it refuses, not as either one. Its URL is the one a `Request` would give: parsed,
 * dot segments resolved.
 *
 * `request.signal` does not follow the client: a change in flight should finish (or roll back)
 * as one step whoever is still listening, and the client that left retries under the same
 * idempotency key. A client leaving mid-body errors the body stream instead. (Tying the signal
 * would also cost ≈ 30 µs a request, measured, in Node 20's undici.)
 */
export function toWebRequest(request: IncomingMessage): Request | null {
  const path = pathOf(request.url ?? '');
  const method = request.method ?? '';
  if (path === null || FORBIDDEN_METHODS.has(method)) return null;
  const url = URL.parse(`${ORIGIN}${path}`)?.href;
  if (url === undefined) return null;
  const headers = new Headers();
  const raw = request.rawHeaders;
  try {
    for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  } catch {
    return null;
  }
  const body = method !== 'GET' && method !== 'HEAD' && declaresBody(request) ? bodyOf(request) : null;
  const bridged = Object.create(BRIDGED) as Bridged;
  (bridged as { [PARTS]: Parts })[PARTS] = { method, url, headers, body };
  return bridged;
}

/** Resolves once `response` may take more bytes, or once the connection is gone (then `false`). */
function writable(response: ServerResponse): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const drained = () => settle(true);
    const closed = () => settle(false);
    const settle = (open: boolean) => {
      response.off('drain', drained).off('close', closed);
      resolve(open);
    };
    response.once('drain', drained).once('close', closed);
  });
}

/**
 * Writes a Web `Response` to Node. A body that fits in one chunk (every answer of the Offboard
 * handler) goes out with `Content-Length`; a longer one streams, waiting for the socket to drain
 * and stopping when the client goes away. `close` says `Connection: close`, and Node ends the
 * connection after the answer.
 */
export async function writeResponse(web: Response, response: ServerResponse, close: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  web.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = web.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  if (close) headers.connection = 'close';
  if (!web.body) {
    response.writeHead(web.status, headers).end();
    return;
  }
  const reader = web.body.getReader();
  const first = await reader.read();
  if (first.done) {
    response.writeHead(web.status, { ...headers, 'content-length': '0' }).end();
    return;
  }
  const second = await reader.read();
  if (second.done) {
    response.writeHead(web.status, { ...headers, 'content-length': String(first.value.byteLength) }).end(first.value);
    return;
  }
  response.writeHead(web.status, headers);
  const stop = () => void reader.cancel().catch(() => undefined);
  response.once('close', stop);
  const send = async (bytes: Uint8Array) => response.write(bytes) || (await writable(response));
  try {
    if (!(await send(first.value)) || !(await send(second.value))) return;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (!(await send(next.value))) return;
    }
    response.end();
  } finally {
    response.off('close', stop);
  }
}

/** Writes a plain answer of the Offboard handler in one go, with its `Content-Length`. */
export function writeAnswer({ status, headers, body }: OffboardAnswer, response: ServerResponse, close: boolean): void {
  const head: Record<string, string | number> = { ...headers };
  if (body !== null) head['content-length'] = Buffer.byteLength(body);
  if (close) head.connection = 'close';
  response.writeHead(status, head).end(body ?? undefined);
}
