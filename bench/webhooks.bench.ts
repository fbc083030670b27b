// Webhook ingestion and backfill throughput: signed events/s through lib/webhooks (verify + store + project) on
// SQLite and PostgreSQL, the same events through @supabase/stripe-sync-engine into the same PostgreSQL, the same
// path over HTTP through the lean listener and through Next's route handler (each its own process), and the
// backfill's objects/s from the sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Stripe from 'stripe';
import { applyMigrations } from '../lib/db/apply-migrations';
import { createDb, type Db } from '../lib/db/client';
import { runSync } from '../lib/sync/run-sync';
import { ingestWebhook } from '../lib/webhooks/ingest-webhook';
import { freePort, spawnSandbox } from '../sandbox/spawn-sandbox';
import { printTable, type Benchmark } from './benchmark';

const EVENTS = Number(process.env.BENCH_WEBHOOK_INGEST_EVENTS ?? 2000);
const PAYMENTS = Number(process.env.BENCH_BACKFILL_PAYMENTS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 8);
// PostgreSQL against stripe-sync-engine at several concurrencies: one delivery at a time, the bench's own, and a burst.
const POSTGRES_CONCURRENCIES = [...new Set([1, CONCURRENCY, 32])];
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Delivery {
  rawBody: Buffer;
  signatureHeader: string;
}

const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;

/** Runs the first tenth (at most 100) untimed — a fresh client's first queries pay for connecting and compiling — then times the rest. */
async function timedAfterWarmUp<T>(items: T[], run: (part: T[]) => Promise<number>): Promise<{ count: number; ms: number }> {
  const warmUp = Math.min(100, Math.floor(items.length / 10));
  await run(items.slice(0, warmUp));
  return { count: items.length - warmUp, ms: await run(items.slice(warmUp)) };
}

async function inParallel<T>(items: T[], concurrency: number, each: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await each(items[next++]!);
    }),
  );
  return performance.now() - started;
}

/** Customers created and updated in the sandbox: half customer.created, half customer.updated events. */
async function makeEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  const ids = Array.from({ length: EVENTS / 2 }, (_, index) => index);
  const customers: string[] = [];
  await inParallel(ids, CONCURRENCY, async (index) => customers.push((await stripe.customers.create({ name: `Bench ${index}`, email: `bench-${index}@example.com` })).id));
  await inParallel(customers, CONCURRENCY, (id) => stripe.customers.update(id, { metadata: { tier: 'gold' } }));
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events.reverse();
}

function sign(events: Stripe.Event[], secret: string): Delivery[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return events.map((event) => {
    const payload = JSON.stringify(event, null, 2);
    return { rawBody: Buffer.from(payload), signatureHeader: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
  });
}

async function ingestAll(deliveries: Delivery[], secret: string, db: Db, concurrency: number, stripe?: Stripe): Promise<number> {
  let failures = 0;
  const ms = await inParallel(deliveries, concurrency, async (delivery) => {
    const result = await ingestWebhook({ ...delivery, secrets: [secret] }, db, stripe);
    if (result.status !== 200) failures += 1;
  });
  if (failures > 0) throw new Error(`${failures} deliveries were not accepted`);
  return ms;
}

/** Posts the deliveries to a webhook URL over loopback, CONCURRENCY at a time (fetch keeps connections alive). */
function postAll(deliveries: Delivery[], url: string): Promise<number> {
  return inParallel(deliveries, CONCURRENCY, async (delivery) => {
    const response = await fetch(url, { method: 'POST', body: new Uint8Array(delivery.rawBody), headers: { 'stripe-signature': delivery.signatureHeader, 'content-type': 'application/json' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  });
}

/** Starts a server process and resolves once it answers a POST to the webhook path (any status); stops it after `run`. */
async function withServerProcess<T>(command: string, args: string[], env: Record<string, string>, url: string, run: () => Promise<T>): Promise<T> {
  const child: ChildProcess = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (let waited = 0; ; waited += 250) {
      if (child.exitCode !== null) throw new Error(`${command} exited (${child.exitCode}) before answering`);
      const answered = await fetch(url, { method: 'POST', body: '{}' }).then(() => true, () => false);
      if (answered) break;
      if (waited > 120_000) throw new Error(`${url} did not answer within two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return await run();
  } finally {
    child.kill('SIGTERM');
  }
}

/** The lean listener (lib/webhooks/webhook-listener.ts) in its own process, on a migrated SQLite file. */
async function ingestThroughListener(deliveries: Delivery[], secret: string): Promise<{ count: number; ms: number }> {
  return withSqliteFile(async (databaseUrl) => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/webhooks/stripe`;
    const env = { BENCH_DATABASE_URL: databaseUrl, BENCH_WEBHOOK_SECRET: secret, BENCH_PORT: String(port) };
    const script = fileURLToPath(new URL('./webhook-listener-process.ts', import.meta.url));
    return withServerProcess(process.execPath, ['--conditions=react-server', '--import', 'tsx', script], env, url, () => timedAfterWarmUp(deliveries, (part) => postAll(part, url)));
  });
}

/** The app's own route handler under `next start`, when a production build exists (`npm run build`). */
async function ingestThroughNextRoute(deliveries: Delivery[], secret: string, sandboxBase: string, secretKey: string): Promise<{ count: number; ms: number } | string> {
  if (!existsSync('.next/BUILD_ID')) return 'no production build (npm run build)';
  return withSqliteFile(async (databaseUrl) => {
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      STRIPE_API_BASE: sandboxBase,
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: secret,
      BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
      BETTER_AUTH_URL: appUrl,
    };
    const url = `${appUrl}/api/webhooks/stripe`;
    return withServerProcess('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], env, url, () => timedAfterWarmUp(deliveries, (part) => postAll(part, url)));
  });
}

/** A fresh, migrated SQLite file for `run`, deleted afterwards. */
async function withSqliteFile<T>(run: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  await applyMigrations(url);
  try {
    return await run(url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withSqlite<T>(run: (db: Db) => Promise<T>): Promise<T> {
  return withSqliteFile(async (url) => {
    const db = createDb(url);
    try {
      return await run(db);
    } finally {
      await db.$disconnect();
    }
  });
}

async function withPostgres<T>(run: (url: string, db: Db) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `paydesk_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const db = createDb(url.toString());
  try {
    return await run(url.toString(), db);
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** @supabase/stripe-sync-engine's own webhook path (verify + upsert into its `stripe` schema), same events. */
async function ingestWithSyncEngine(url: string, deliveries: Delivery[], secret: string, secretKey: string, concurrency: number): Promise<{ count: number; ms: number } | string> {
  let engine: typeof import('@supabase/stripe-sync-engine');
  try {
    // Its CommonJS build: the ES module build of 0.48.5 reads __dirname to find its migrations and fails.
    engine = createRequire(import.meta.url)('@supabase/stripe-sync-engine') as typeof import('@supabase/stripe-sync-engine');
  } catch {
    return 'not installed';
  }
  await engine.runMigrations({ databaseUrl: url, schema: 'stripe' });
  const sync = new engine.StripeSync({ poolConfig: { connectionString: url, max: concurrency }, stripeSecretKey: secretKey, stripeWebhookSecret: secret, stripeApiVersion: Stripe.API_VERSION });
  // A client still closing when the bench drops the database is terminated by the server; an unhandled pool error
  // would end the whole run.
  sync.postgresClient.pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') throw error;
  });
  try {
    return await timedAfterWarmUp(deliveries, (part) => inParallel(part, concurrency, (delivery) => sync.processWebhook(delivery.rawBody, delivery.signatureHeader)));
  } finally {
    await sync.postgresClient.pool.end();
  }
}

async function backfill(stripe: Stripe, db: Db): Promise<{ objects: number; ms: number }> {
  const started = performance.now();
  const results = await runSync({ restart: true }, { stripe, db });
  return { objects: results.reduce((sum, line) => sum + line.done, 0), ms: performance.now() - started };
}

export const benchmark: Benchmark = {
  title: `webhook ingestion (${EVENTS} signed customer events) and backfill`,
  async run() {
    const external = process.env.STRIPE_API_BASE;
    const sandbox = external ? null : await spawnSandbox({});
    await sandbox?.start();
    const base = new URL(external ?? `http://127.0.0.1:${sandbox!.port}`);
    const secretKey = `sk_test_benchwebhooks${randomBytes(4).toString('hex')}`;
    const stripe = new Stripe(secretKey, { host: base.hostname, port: Number(base.port), protocol: 'http', maxNetworkRetries: 2 });
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const rows: [string, string][] = [];
    try {
      const events = await makeEvents(stripe);
      await inParallel(Array.from({ length: PAYMENTS }, (_, index) => index), CONCURRENCY, (index) =>
        stripe.paymentIntents.create({ amount: 1000 + index, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } }),
      );

      const sqlite = await withSqlite(async (db) => {
        const sequential = await timedAfterWarmUp(sign(events, secret), (part) => ingestAll(part, secret, db, 1));
        return { sequential, backfill: await backfill(stripe, db) };
      });
      rows.push(['SQLite: lib/webhooks ingest, one at a time', perSecond(sqlite.sequential.count, sqlite.sequential.ms)]);
      // Stripe delivers concurrently; deliveries that overlap share a transaction (group commit).
      const concurrent = await withSqlite((db) => timedAfterWarmUp(sign(events, secret), (part) => ingestAll(part, secret, db, CONCURRENCY)));
      rows.push([`SQLite: lib/webhooks ingest, ${CONCURRENCY} at a time`, perSecond(concurrent.count, concurrent.ms)]);
      // As the route calls it: with a Stripe client, each event first checks for a same-second tie (one more read).
      const asRoute = await withSqlite((db) => timedAfterWarmUp(sign(events, secret), (part) => ingestAll(part, secret, db, CONCURRENCY, stripe)));
      rows.push([`SQLite: the same with the route's tie check`, perSecond(asRoute.count, asRoute.ms)]);
      // Over HTTP from this process to a server process: the lean listener, and Next's route handler.
      const listener = await ingestThroughListener(sign(events, secret), secret);
      rows.push([`SQLite: lean listener over HTTP, ${CONCURRENCY} clients`, perSecond(listener.count, listener.ms)]);
      const route = await ingestThroughNextRoute(sign(events, secret), secret, base.origin, secretKey);
      rows.push([`SQLite: Next route handler over HTTP, ${CONCURRENCY} clients`, typeof route === 'string' ? route : perSecond(route.count, route.ms)]);
      rows.push([`SQLite: backfill (${sqlite.backfill.objects} objects)`, perSecond(sqlite.backfill.objects, sqlite.backfill.ms)]);

      // A fresh database for each concurrency: the same events again would all be duplicates.
      for (const concurrency of POSTGRES_CONCURRENCIES) {
        const postgres = await withPostgres(async (url, db) => {
          const ours = await timedAfterWarmUp(sign(events, secret), (part) => ingestAll(part, secret, db, concurrency));
          const peer = await ingestWithSyncEngine(url, sign(events, secret), secret, secretKey, concurrency);
          return { ours, peer, backfill: concurrency === CONCURRENCY ? await backfill(stripe, db) : undefined };
        });
        if (!postgres) {
          rows.push(['PostgreSQL', `no server at ${POSTGRES_ADMIN_URL}`]);
          break;
        }
        const atOnce = concurrency === 1 ? 'one at a time' : `${concurrency} at a time`;
        rows.push([`PostgreSQL, ${atOnce}: lib/webhooks ingest`, perSecond(postgres.ours.count, postgres.ours.ms)]);
        if (typeof postgres.peer !== 'string') {
          rows.push([`PostgreSQL, ${atOnce}: stripe-sync-engine processWebhook`, perSecond(postgres.peer.count, postgres.peer.ms)]);
          const ratio = postgres.ours.count / postgres.ours.ms / (postgres.peer.count / postgres.peer.ms);
          rows.push([`PostgreSQL, ${atOnce}: ours ÷ stripe-sync-engine`, `${ratio.toFixed(2)}×`]);
        } else {
          rows.push(['PostgreSQL: stripe-sync-engine', postgres.peer]);
        }
        if (postgres.backfill) rows.push([`PostgreSQL: backfill (${postgres.backfill.objects} objects)`, perSecond(postgres.backfill.objects, postgres.backfill.ms)]);
      }
    } finally {
      await sandbox?.dispose();
    }
    printTable('Webhook ingestion (verify + store + project) and backfill', rows);
  },
};
