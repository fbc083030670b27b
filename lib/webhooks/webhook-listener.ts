// The webhook endpoint without Next: node:http in front of the same ingest function the route handler calls.
// Next's request pipeline costs ~1.6 ms a request here, more than verifying, storing and projecting a batched event;
// a deployment that receives many events runs this (`npm run webhooks:listen`) and points Stripe's endpoint at it.
import 'server-only';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { answerWebhookDelivery, type IngestBody } from './ingest-webhook';
import { WEBHOOK_BODY_LIMIT_BYTES } from './read-capped-body';
import { WEBHOOK_PATH } from './ensure-sandbox-webhook-endpoint';

export interface WebhookListenerOptions {
  db: Db;
  /** re-reads an object when two events of one second cannot be ordered (as the route does) */
  stripe?: Stripe;
  /** every secret currently valid for the endpoint */
  secrets(): Promise<string[]>;
}

/** The body's bytes, or null once it passes the limit (the rest is not read). */
function readCappedBody(request: IncomingMessage, limitBytes = WEBHOOK_BODY_LIMIT_BYTES): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limitBytes) {
        request.removeAllListeners('data');
        request.resume();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(size > limitBytes ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: IngestBody | { error: string }): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function handle(request: IncomingMessage, response: ServerResponse, options: WebhookListenerOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://listener').pathname;
  if (path !== WEBHOOK_PATH) return answer(response, 404, { error: 'not_found' });
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return answer(response, 405, { error: 'method_not_allowed' });
  }
  const rawBody = await readCappedBody(request);
  if (rawBody === null) return answer(response, 413, { received: false, error: 'body_too_large' });
  const signature = request.headers['stripe-signature'];
  const result = await answerWebhookDelivery({ rawBody, signatureHeader: typeof signature === 'string' ? signature : null }, { db: options.db, stripe: options.stripe, readSecrets: options.secrets });
  answer(response, result.status, result.body);
}

/** A server answering POST /api/webhooks/stripe exactly as the route handler does; listen() is the caller's. */
export function createWebhookListener(options: WebhookListenerOptions): Server {
  return createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      console.error('[webhook] listener failed on a delivery; Stripe will retry', error);
      if (!response.headersSent) answer(response, 500, { received: false, error: 'processing_failed' });
    });
  });
}
