import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { declaresBody } from './nodeBridge';

// How connections end: kept alive wherever the next request can be read safely; otherwise
// closed, gently enough that the client reads its answer first.

/** A body this short that the handler left unread is read and dropped, to keep its connection. */
const DISCARDABLE_BYTES = 64 * 1024;

/**
 * Whether an answer ends its connection: during shutdown, always; after a 408 or 413, since the
 * server has given up on that body (RFC 9110 §15.5.9, §15.5.14); after a body the handler left
 * unread, when it is chunked or longer than `DISCARDABLE_BYTES`, since reading it only to drop it
 * is what an abusive client wants. A short one is dropped instead (`discardRest`): early
 * refusals (401, 403, 415) of ordinary requests keep their connection.
 */
export function endsConnection(request: IncomingMessage, status: number, draining: boolean): boolean {
  if (draining || status === 408 || status === 413) return true;
  if (request.complete || !declaresBody(request)) return false;
  return !(Number(request.headers['content-length']) <= DISCARDABLE_BYTES);
}

/** How long a connection cut off mid-body stays half-open after its answer. */
const LINGER_MS = 1_000;

/**
 * Node ends a `Connection: close` answer with `socket.destroySoon()`: FIN, then close once the
 * answer is flushed. With body bytes still unread, that close sends a reset, which can overtake
 * the answer: the client sees ECONNRESET instead of its 413 (seen here under load). So such a
 * socket lingers as web servers do, half-closed and still paused, its receive window full so the
 * client cannot push more, for `LINGER_MS` before it is destroyed.
 */
export function lingerBeforeClosing(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/** Drops what is left of a body nobody read, so the parser reaches the next request (Node's own `_dump`). */
export function discardRest(request: IncomingMessage): void {
  if (request.complete) return;
  request.removeAllListeners('data');
  request.resume();
}

/** The answers in progress, by connection: a parse error must not write into one of them. */
const answering = new WeakMap<Socket, ServerResponse>();

export function trackAnswer(socket: Socket, response: ServerResponse): void {
  answering.set(socket, response);
  response.once('finish', () => {
    if (answering.get(socket) === response) answering.delete(socket);
  });
}

const CLIENT_ERROR_STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
};

/**
 * What a connection whose bytes Node cannot parse, or whose request came too slowly, is told: as
 * Node's own default (400, 431 for huge headers, 408 for a request deadline), except that the
 * connection then lingers instead of being destroyed at once, which would reset it over the
 * answer when the client is still sending (an unknown method with a large body, a slow body).
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || answering.get(socket)?.headersSent) return void socket.destroy();
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
