// The signing secrets, kept in memory for a few seconds: reading them is one database query per delivery otherwise.
import 'server-only';

const SECRETS_FRESH_MS = 5_000;

let cached: { secrets: string[]; readAt: number } | null = null;

/**
 * The secrets `read` returned less than a few seconds ago, or a fresh read. Only a list with the sandbox's own secret
 * (or a live-mode list) is kept, so a missing registration is retried on the next delivery. A secret rotated by
 * another process is seen within those seconds; meanwhile its deliveries answer 400 and Stripe retries them.
 */
export async function readThroughSecretsCache(read: () => Promise<{ secrets: string[]; complete: boolean }>): Promise<string[]> {
  if (cached && Date.now() - cached.readAt < SECRETS_FRESH_MS) return cached.secrets;
  const { secrets, complete } = await read();
  cached = complete ? { secrets, readAt: Date.now() } : null;
  return secrets;
}

/** Called when this process stores a new sandbox endpoint secret. */
export function forgetCachedWebhookSecrets(): void {
  cached = null;
}
