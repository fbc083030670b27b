// The lean webhook listener as its own process for bench/webhooks.bench.ts, so the load it measures does not share
// a process (and an event loop) with the client sending it. Reads BENCH_DATABASE_URL, BENCH_WEBHOOK_SECRET, BENCH_PORT.
import { z } from 'zod';
import { createDb } from '../lib/db/client';
import { createWebhookListener } from '../lib/webhooks/webhook-listener';

const env = z
  .object({ BENCH_DATABASE_URL: z.string().min(1), BENCH_WEBHOOK_SECRET: z.string().startsWith('whsec_'), BENCH_PORT: z.coerce.number().int().positive() })
  .parse(process.env);
const server = createWebhookListener({ db: createDb(env.BENCH_DATABASE_URL), secrets: async () => [env.BENCH_WEBHOOK_SECRET] });
server.listen(env.BENCH_PORT, '127.0.0.1', () => console.log('listening'));
