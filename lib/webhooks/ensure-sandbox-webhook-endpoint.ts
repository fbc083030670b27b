// Against the sandbox: registers this app's webhook endpoint once and keeps its signing secret.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { importCustomers } from './import-customers';
import { readSandboxEndpoint, writeSandboxEndpoint, type StoredSandboxEndpoint } from './sandbox-endpoint-setting';

export const WEBHOOK_PATH = '/api/webhooks/stripe';

export interface EnsureSandboxWebhookEndpointOptions {
  /** the public URL the sandbox posts to: the app's (BETTER_AUTH_URL), or the lean listener's (WEBHOOK_LISTENER_URL) */
  appUrl: string;
}

/**
 * Idempotent: an endpoint for the same URL whose secret we hold is reused; endpoints for this URL whose secret
 * we lost (Stripe shows a secret only on create) are deleted rather than left to pile up and fail.
 * After a new registration, customers that existed before it are imported, so the projection is complete.
 */
export async function ensureSandboxWebhookEndpoint(
  options: EnsureSandboxWebhookEndpointOptions,
  dependencies: { stripe: Stripe; db: Db },
): Promise<StoredSandboxEndpoint & { isNew: boolean }> {
  const { stripe, db } = dependencies;
  const url = new URL(WEBHOOK_PATH, options.appUrl).toString();
  const stored = await readSandboxEndpoint(db);
  const sameUrl: Stripe.WebhookEndpoint[] = [];
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) if (endpoint.url === url) sameUrl.push(endpoint);

  const reusable = stored && stored.url === url ? sameUrl.find((endpoint) => endpoint.id === stored.id && endpoint.status === 'enabled') : undefined;
  for (const endpoint of sameUrl) if (endpoint !== reusable) await stripe.webhookEndpoints.del(endpoint.id);
  if (reusable && stored) return { ...stored, isNew: false };

  const created = await stripe.webhookEndpoints.create({
    url,
    enabled_events: ['*'],
    description: 'Paydesk (registered automatically in sandbox mode)',
  });
  if (!created.secret) throw new Error('the sandbox returned a webhook endpoint without its signing secret');
  const endpoint = { id: created.id, url, secret: created.secret };
  await writeSandboxEndpoint(endpoint, db);
  await importCustomers({}, { stripe, db });
  return { ...endpoint, isNew: true };
}
