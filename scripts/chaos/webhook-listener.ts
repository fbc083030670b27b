// The app's lean webhook listener (lib/webhooks/webhook-listener.ts) on a port of the chaos run's choosing, with the
// endpoint's secret set once it is registered, counting the deliveries it receives.
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { createWebhookListener } from '@/lib/webhooks/webhook-listener';

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
  const server = createWebhookListener({ db, stripe, secrets: async () => secrets });
  server.on('request', () => {
    received += 1;
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
