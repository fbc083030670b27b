// Start-up registration with the sandbox, shared by instrumentation and the first webhook: one attempt at a time.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { ensureSandboxWebhookEndpoint } from './ensure-sandbox-webhook-endpoint';
import type { StoredSandboxEndpoint } from './sandbox-endpoint-setting';

let inFlight: Promise<StoredSandboxEndpoint> | null = null;

/** Null when the app talks to real Stripe: there the secret comes from STRIPE_WEBHOOK_SECRET. */
export async function registerSandboxWebhookOnce(dependencies: { stripe: Stripe; db: Db }): Promise<StoredSandboxEndpoint | null> {
  const env = serverEnv();
  if (!env.isSandbox) return null;
  // Two callers at once (start-up and a first delivery) must not register two endpoints.
  inFlight ??= ensureSandboxWebhookEndpoint({ appUrl: env.webhookBaseUrl }, dependencies).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
