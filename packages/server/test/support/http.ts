import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface SendOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** A keep-alive agent to reuse connections; by default each request has its own connection. */
  readonly agent?: Agent;
}

/** One HTTP request with Node's client, read to its end. */
export function send(url: URL | string, path: string, { method = 'GET', headers = {}, body, agent }: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, url), { method, headers, agent: agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A raw TCP connection: what a hostile or slow client sends, byte for byte. */
export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far, as latin1 text. */
  received(): string;
  /** Settles when the connection ends, however it ends. */
  readonly closed: Promise<void>;
  /** Resolves once `pattern` shows in what was received; rejects if the connection ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
}

export function rawConnection(url: URL): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    let ended = false;
    const waiters = new Set<() => void>();
    const notify = () => {
      for (const check of waiters) check();
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      notify();
    });
    const closed = new Promise<void>((settle) =>
      socket.once('close', () => {
        ended = true;
        notify();
        settle();
      }),
    );
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      // A reset after the server cut the connection off is how a cut-off looks from here: `closed` tells it.
      socket.on('error', () => undefined);
      resolve({
        socket,
        received: () => text,
        closed,
        waitFor: (pattern) =>
          new Promise((found, fail) => {
            const check = () => {
              const match = pattern.exec(text);
              if (match || ended) waiters.delete(check);
              if (match) found(match);
              else if (ended) fail(new Error(`the connection ended before ${pattern}; received: ${text.slice(0, 300)}`));
            };
            waiters.add(check);
            check();
          }),
      });
    });
  });
}

/**
 * Sends `text` one byte every `everyMs` until it is all sent or the server closes the
 * connection; resolves with how many bytes went out.
 */
export async function drip(connection: RawConnection, text: string, everyMs: number): Promise<number> {
  let sent = 0;
  let open = true;
  void connection.closed.then(() => (open = false));
  while (open && sent < text.length) {
    connection.socket.write(text[sent]!);
    sent += 1;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return sent;
}
