import type { IncomingMessage, ServerResponse } from 'node:http';

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

/**
 * The Web `Request` for a Node request, or `null` when it cannot be one (a request target that
 * is no path, a method the Fetch standard forbids such as `TRACE`). Headers keep their repeats,
 * so two `Authorization` headers reach `authenticate` as one value it refuses, not as either one.
 *
 * `request.signal` does not follow the client: a change in flight should finish (or roll back)
 * as one step whoever is still listening, and the client that left retries under the same
 * idempotency key. A client leaving mid-body errors the body stream instead. (Tying the signal
 * would also cost ≈ 30 µs a request, measured, in Node 20's undici.)
 */
export function toWebRequest(request: IncomingMessage): Request | null {
  const path = pathOf(request.url ?? '');
  if (path === null) return null;
  try {
    const body = request.method !== 'GET' && request.method !== 'HEAD' && declaresBody(request) ? bodyOf(request) : null;
    const web = new Request(`${ORIGIN}${path}`, { method: request.method, body, duplex: 'half' } as RequestInit);
    // Appended to the request's own headers: cheaper than a `Headers` the constructor copies.
    const raw = request.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) web.headers.append(raw[i]!, raw[i + 1]!);
    return web;
  } catch {
    return null;
  }
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
