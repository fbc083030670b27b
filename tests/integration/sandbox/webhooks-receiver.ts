// A tiny webhook receiver for tests: a node:http server on a free loopback port that records each POST
// (raw body, headers, arrival time) and answers with whatever the test's responder says.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  at: number;
  /** The event id from the body (for order and duplicate checks). */
  eventId: string;
  eventType: string;
}

/** Status to answer the n-th request (0-based) with, and optionally how long to wait first. */
export type Responder = (n: number, received: Received) => number | { status: number; delayMs: number };

export interface Receiver {
  url: string;
  received: Received[];
  respond: Responder;
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(respond: Responder = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => boolean>();
  const receiver: Receiver = {
    url: '',
    received,
    respond,
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return false;
          clearTimeout(timer);
          resolve(received.slice(0, count));
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} deliveries within ${timeoutMs} ms`)), timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { id: string; type: string };
      const entry: Received = { body, headers: request.headers, at: Date.now(), eventId: parsed.id, eventType: parsed.type };
      const n = received.length;
      received.push(entry);
      const answer = receiver.respond(n, entry);
      const { status, delayMs } = typeof answer === 'number' ? { status: answer, delayMs: 0 } : answer;
      setTimeout(() => {
        if (!response.destroyed) response.writeHead(status, { 'Content-Type': 'application/json' }).end('{"received":true}');
      }, delayMs);
      for (const check of waiters) if (check()) waiters.delete(check);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return receiver;
}
