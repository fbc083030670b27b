// `npm run webhooks:listen`: the lean webhook endpoint (lib/webhooks/webhook-listener.ts) as a process of its own,
// listening on WEBHOOK_LISTENER_URL's port (all interfaces when the URL's host is not loopback). Reads DATABASE_URL
// and STRIPE_* like the app; in sandbox mode the app and the listener register that URL as the endpoint, so start
// both with the same WEBHOOK_LISTENER_URL.
import { db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { stripe } from '@/lib/stripe/client';
import { listWebhookSecretsCached } from '@/lib/webhooks/list-webhook-secrets';
import { registerSandboxWebhookAtStartup } from '@/lib/webhooks/register-sandbox-webhook-at-startup';
import { createWebhookListener } from '@/lib/webhooks/webhook-listener';

const env = serverEnv();
if (!env.WEBHOOK_LISTENER_URL) {
  // Without it Stripe (and the sandbox registration) would keep delivering to the app, never to this process.
  console.error('Set WEBHOOK_LISTENER_URL to the URL Stripe should deliver to, e.g. http://127.0.0.1:3200 (and start the app with the same value).');
  process.exit(1);
}
const url = new URL(env.WEBHOOK_LISTENER_URL);
const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
const host = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? '127.0.0.1' : '0.0.0.0';

await registerSandboxWebhookAtStartup();
const server = createWebhookListener({ db, stripe: stripe(), secrets: () => listWebhookSecretsCached(db) });
server.listen(port, host, () => console.log(`[webhook] listening on http://${host}:${port}/api/webhooks/stripe`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void db.$disconnect().then(() => process.exit(0))));
}
