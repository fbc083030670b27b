// `npm run webhooks:listen`: the lean webhook endpoint (lib/webhooks/webhook-listener.ts) as a process of its own,
// listening on WEBHOOK_LISTENER_URL's port (default 3100; all interfaces when the URL's host is not loopback).
// Reads DATABASE_URL, STRIPE_* and WEBHOOK_LISTENER_URL like the app; in sandbox mode the app registers that URL
// as its endpoint, so start the app with the same WEBHOOK_LISTENER_URL.
import { db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { stripe } from '@/lib/stripe/client';
import { listWebhookSecretsCached } from '@/lib/webhooks/list-webhook-secrets';
import { registerSandboxWebhookAtStartup } from '@/lib/webhooks/register-sandbox-webhook-at-startup';
import { createWebhookListener } from '@/lib/webhooks/webhook-listener';

const DEFAULT_PORT = 3100;

const env = serverEnv();
const url = new URL(env.WEBHOOK_LISTENER_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`);
const port = url.port ? Number(url.port) : DEFAULT_PORT;
const host = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? '127.0.0.1' : '0.0.0.0';

await registerSandboxWebhookAtStartup();
const server = createWebhookListener({ db, stripe: stripe(), secrets: () => listWebhookSecretsCached(db) });
server.listen(port, host, () => console.log(`[webhook] listening on http://${host}:${port}/api/webhooks/stripe`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void db.$disconnect().then(() => process.exit(0))));
}
