// The signing secrets a delivery may be signed with: the configured ones, plus the sandbox endpoint's own.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { serverEnv } from '@/lib/env';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { registerSandboxWebhookOnce } from './register-sandbox-webhook-once';
import { readSandboxEndpoint } from './sandbox-endpoint-setting';
import { readThroughSecretsCache } from './webhook-secrets-cache';

export async function listWebhookSecrets(db: Db = defaultDb): Promise<string[]> {
  const env = serverEnv();
  if (!env.isSandbox) return env.webhookSecrets;
  // Normally start-up registered already; this covers a sandbox that was not up yet when the app started.
  const stored = (await readSandboxEndpoint(db)) ?? (await registerSandboxWebhookOnce({ stripe: defaultStripe(), db }).catch(() => null));
  return stored ? [...env.webhookSecrets, stored.secret] : env.webhookSecrets;
}

/** The same, read from memory when read less than a few seconds ago: the webhook route asks on every delivery. */
export function listWebhookSecretsCached(db: Db = defaultDb): Promise<string[]> {
  return readThroughSecretsCache(async () => {
    const secrets = await listWebhookSecrets(db);
    return { secrets, complete: !serverEnv().isSandbox || secrets.length > serverEnv().webhookSecrets.length };
  });
}
