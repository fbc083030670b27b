// Where the sandbox webhook endpoint the app registered (and its signing secret) is kept: one Setting row.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { forgetCachedWebhookSecrets } from './webhook-secrets-cache';

export const SANDBOX_ENDPOINT_KEY = 'webhooks.sandboxEndpoint';

const storedEndpoint = z.object({ id: z.string(), url: z.string(), secret: z.string() });
export type StoredSandboxEndpoint = z.infer<typeof storedEndpoint>;

export async function readSandboxEndpoint(db: Pick<Db, 'setting'>): Promise<StoredSandboxEndpoint | null> {
  const row = await db.setting.findUnique({ where: { key: SANDBOX_ENDPOINT_KEY } });
  if (!row) return null;
  try {
    const parsed = storedEndpoint.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeSandboxEndpoint(endpoint: StoredSandboxEndpoint, db: Pick<Db, 'setting'>): Promise<void> {
  const value = JSON.stringify(endpoint);
  await db.setting.upsert({ where: { key: SANDBOX_ENDPOINT_KEY }, create: { key: SANDBOX_ENDPOINT_KEY, value }, update: { value } });
  forgetCachedWebhookSecrets();
}
