// The webhook listener as a process of its own, so a chaos run can kill it (SIGKILL) and start it again.
// Reads CHAOS_DATABASE_URL, CHAOS_SECRET_KEY, CHAOS_API_BASE, CHAOS_WEBHOOK_SECRET and CHAOS_PORT.
import { z } from 'zod';
import { createDb } from '@/lib/db/client';
import { createStripeClient } from '@/lib/stripe/client';
import { startWebhookListener } from './webhook-listener';

const env = z
  .object({
    CHAOS_DATABASE_URL: z.string().min(1),
    CHAOS_SECRET_KEY: z.string().startsWith('sk_test_'),
    CHAOS_API_BASE: z.url(),
    CHAOS_WEBHOOK_SECRET: z.string().startsWith('whsec_'),
    CHAOS_PORT: z.coerce.number().int().min(1).max(65_535),
  })
  .parse(process.env);

const listener = await startWebhookListener(
  createDb(env.CHAOS_DATABASE_URL),
  createStripeClient({ secretKey: env.CHAOS_SECRET_KEY, apiBase: env.CHAOS_API_BASE }),
  env.CHAOS_PORT,
);
listener.useSecret(env.CHAOS_WEBHOOK_SECRET);
console.log('listening');
