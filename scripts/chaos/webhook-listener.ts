// An in-process webhook endpoint: node:http in front of the app's own ingest function (what the route calls).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';

export interface WebhookListener {
  url: string;
  /** set once the endpoint is registered and its secret known */
  useSecret(secret: string): void;
  received(): number;
  close(): Promise<void>;
}

export async function startWebhookListener(db: Db, stripe: Stripe, port = 0): Promise<WebhookListener> {
  let secrets: string[] = [];
  let received = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received += 1;
      const signature = request.headers['stripe-signature'];
      ingestWebhook({ rawBody: Buffer.concat(chunks), signatureHeader: typeof signature === 'string' ? signature : null, secrets }, db, stripe)
        .then(({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
        .catch(() => response.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/api/webhooks/stripe`,
    useSecret: (secret) => {
      secrets = [secret];
    },
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
