import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the receiver saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/hook?x=1`. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** What the receiver answers; `delayMs` holds the answer back (timeout tests). */
export interface ReceiverReply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replaces the reply logic for later requests. */
  reply(handler: (request: RecordedRequest) => ReceiverReply): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that records every request (test helper for webhook, chat and SMS
 * providers). Answers 200 `ok` unless told otherwise.
 */
export async function startHttpReceiver(
  handler: (request: RecordedRequest) => ReceiverReply = () => ({}),
): Promise<HttpReceiver> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        text: body.toString('utf8'),
      };
      requests.push(recorded);
      const reply = current(recorded);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? 'ok');
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
      } else {
        send();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
