// The backfill (lib/sync/run-sync.ts, what `npm run sync` runs) as a process of its own, so a chaos run can kill it
// (SIGKILL) part-way and start it again. Reads CHAOS_DATABASE_URL, CHAOS_SECRET_KEY and CHAOS_API_BASE; prints one
// line per page written and `finished` at the end.
import { z } from 'zod';
import { createDb } from '@/lib/db/client';
import { createStripeClient } from '@/lib/stripe/client';
import { runSync } from '@/lib/sync/run-sync';

const env = z
  .object({ CHAOS_DATABASE_URL: z.string().min(1), CHAOS_SECRET_KEY: z.string().startsWith('sk_test_'), CHAOS_API_BASE: z.url() })
  .parse(process.env);

const db = createDb(env.CHAOS_DATABASE_URL);
const results = await runSync(
  { backoffBaseMs: 50, onProgress: (progress) => console.log(`page ${progress.type} ${progress.done}`) },
  { stripe: createStripeClient({ secretKey: env.CHAOS_SECRET_KEY, apiBase: env.CHAOS_API_BASE }), db },
);
console.log(`finished ${results.reduce((sum, result) => sum + result.done, 0)}`);
await db.$disconnect();
