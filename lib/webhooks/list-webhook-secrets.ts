// The signing secrets a delivery may be signed with: the configured ones, plus the sandbox endpoint's own.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { registerSandboxWebhookOnce } from './register-sandbox-webhook-once';
import { readSandboxEndpoint } from './sandbox-endpoint-setting';

export async function listWebhookSecrets(db: Db = defaultDb): Promise<string[]> {
  const env = serverEnv();
  if (!env.isSandbox) return env.webhookSecrets;
  // Normally start-up registered already; this covers a sandbox that was not up yet when the app started.
  const stored = (await readSandboxEndpoint(db)) ?? (await registerSandboxWebhookOnce({ stripe: defaultStripe(), db }).catch(() => null));
  return stored ? [...env.webhookSecrets, stored.secret] : env.webhookSecrets;
}
