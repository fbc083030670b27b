// What the server does at start-up for webhooks: warn about padded secrets; in sandbox mode, register the endpoint (retrying until the sandbox answers).
import 'server-only';
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { registerSandboxWebhookOnce } from './register-sandbox-webhook-once';
import { warnWebhookSecretWhitespace } from './warn-webhook-secret-whitespace';

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];

export async function registerSandboxWebhookAtStartup(): Promise<void> {
  warnWebhookSecretWhitespace();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const endpoint = await registerSandboxWebhookOnce({ stripe: stripe(), db });
      if (endpoint) console.log(`[webhook] sandbox endpoint ${endpoint.id} delivers to ${endpoint.url}`);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        console.error('[webhook] could not register with the sandbox; the first delivery attempt will try again', error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
