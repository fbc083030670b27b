// The Payments list and payment page server work over 100,000 projected payments, on SQLite and PostgreSQL, at one
// connection: the same lib functions the pages call, p50/p95 per query shape; and the /payments route's first-load
// JS (gzip) from the last `next build`, when there is one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import Stripe from 'stripe';
import { applyMigrations } from '../lib/db/apply-migrations';
import { createDb, type Db } from '../lib/db/client';
import { listPayments } from '../lib/payments/list-payments';
import { parsePaymentListSearch } from '../lib/payments/list-payments-filter';
import { retrievePayment } from '../lib/payments/retrieve-payment';
import { printTable, quantile, type Benchmark } from './benchmark';

const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const CUSTOMERS = 2_000;
const BATCH = 1_000;
const GOAL_P95_MS = 30;
const DAY = 86_400;

const WORDS = ['annual', 'monthly', 'seats', 'hardware', 'workshop', 'tickets', 'gift', 'cards', 'renewal', 'upgrade', 'support', 'consulting', 'license', 'training', 'coffee', 'books'];
const CURRENCIES = ['usd', 'usd', 'usd', 'usd', 'usd', 'usd', 'usd', 'eur', 'eur', 'jpy'];
const STATUSES = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'requires_payment_method', 'requires_capture', 'canceled', 'processing'];

// Deterministic, so both databases hold the same rows and reruns compare.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Stripe's sample objects (/work/shared/stripe-openapi/fixtures3.json) as the `raw` the page parses, or a minimal shape. */
function templates(): { intent: Record<string, unknown>; charge: Record<string, unknown> } {
  const path = join(process.cwd(), '..', 'shared', 'stripe-openapi', 'fixtures3.json');
  if (existsSync(path)) {
    const fixtures = JSON.parse(readFileSync(path, 'utf8')) as { resources: { payment_intent: Record<string, unknown>; charge: Record<string, unknown> } };
    return { intent: fixtures.resources.payment_intent, charge: fixtures.resources.charge };
  }
  return { intent: { object: 'payment_intent', metadata: {} }, charge: { object: 'charge', metadata: {} } };
}

async function fill(db: Db): Promise<{ sampleIds: string[] }> {
  const next = random(42);
  const now = Math.floor(Date.now() / 1000);
  const { intent: intentTemplate, charge: chargeTemplate } = templates();
  const customers = Array.from({ length: CUSTOMERS }, (_, index) => ({
    id: `cus_bench${index}`,
    email: `customer${index}@example.com`,
    name: `Customer ${index}`,
    created: now - 400 * DAY,
    updatedFromEventCreated: now - 400 * DAY,
    source: 'webhook',
    raw: JSON.stringify({ id: `cus_bench${index}`, object: 'customer', metadata: {} }),
  }));
  for (let start = 0; start < customers.length; start += BATCH) await db.stripeCustomer.createMany({ data: customers.slice(start, start + BATCH) });

  const sampleIds: string[] = [];
  for (let start = 0; start < PAYMENTS; start += BATCH) {
    const intents = [];
    const charges = [];
    for (let index = start; index < Math.min(start + BATCH, PAYMENTS); index += 1) {
      const id = `pi_bench${String(index).padStart(7, '0')}`;
      const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
      const currency = CURRENCIES[Math.floor(next() * CURRENCIES.length)]!;
      const amount = 50 + Math.floor(next() * 200_000);
      const created = now - Math.floor(next() * 365 * DAY);
      const customerId = next() < 0.8 ? `cus_bench${Math.floor(next() * CUSTOMERS)}` : null;
      const description = `${WORDS[Math.floor(next() * WORDS.length)]} ${WORDS[Math.floor(next() * WORDS.length)]} order`;
      const order = `ord-${index}`;
      const chargeId = status === 'succeeded' || status === 'requires_capture' ? `ch_bench${index}` : null;
      const refunded = status === 'succeeded' && next() < 0.05 ? Math.floor(amount / 2) : 0;
      if (index % 997 === 0) sampleIds.push(id);
      const raw = { ...intentTemplate, id, status, amount, currency, created, customer: customerId, description, latest_charge: chargeId, metadata: { order } };
      intents.push({
        id,
        status,
        amount,
        amountReceived: status === 'succeeded' ? amount : 0,
        amountCapturable: status === 'requires_capture' ? amount : 0,
        amountRefunded: refunded,
        currency,
        customerId,
        description,
        latestChargeId: chargeId,
        searchText: [id, customerId, chargeId, description, order].filter(Boolean).join(' '),
        created,
        createdDay: Math.floor(created / DAY),
        updatedFromEventCreated: created,
        updatedFromEventId: `evt_bench${index}`,
        source: 'webhook',
        raw: JSON.stringify(raw),
      });
      if (chargeId) {
        const charge = { ...chargeTemplate, id: chargeId, amount, amount_refunded: refunded, currency, created, customer: customerId, payment_intent: id, status: 'succeeded', captured: status === 'succeeded' };
        charges.push({
          id: chargeId,
          status: 'succeeded',
          amount,
          amountRefunded: refunded,
          currency,
          customerId,
          paymentIntentId: id,
          created,
          updatedFromEventCreated: created,
          updatedFromEventId: `evt_benchch${index}`,
          source: 'webhook',
          raw: JSON.stringify(charge),
        });
      }
    }
    await db.stripePaymentIntent.createMany({ data: intents });
    await db.stripeCharge.createMany({ data: charges });
  }
  return { sampleIds };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < WARMUP; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const list = (query: string, db: Db, cursor: { after?: string } = {}) => () => listPayments({ filter: parsePaymentListSearch(new URLSearchParams(query)).filter, ...cursor }, db);

async function measure(label: string, db: Db, analyze: string): Promise<[string, string][]> {
  const started = performance.now();
  const { sampleIds } = await fill(db);
  const fillSeconds = (performance.now() - started) / 1000;
  // What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) would have done to a table this size by now.
  await db.$executeRawUnsafe(analyze);
  // A cursor nine tenths of the way down the list (found once with OFFSET; keyset pages never use it).
  const deep = await db.stripePaymentIntent.findFirst({ orderBy: [{ created: 'desc' }, { id: 'desc' }], skip: Math.floor(PAYMENTS * 0.9), select: { id: true } });
  const deepCursor = deep?.id;
  const neverCalled = new Stripe('sk_test_bench_unused', { host: '127.0.0.1', port: 9, protocol: 'http', maxNetworkRetries: 0 });
  let sample = 0;
  const shapes: [string, () => Promise<unknown>][] = [
    ['first page, no filter', list('', db)],
    [`deep page (cursor ${Math.floor(PAYMENTS * 0.9).toLocaleString('en-US')} rows in)`, list('', db, { after: deepCursor })],
    ['status + currency + amount range', list('status=succeeded&currency=eur&min=100&max=900', db)],
    ['customer by email', list('customer=customer123%40example.com', db)],
    ['created range (one week, a year ago)', list(`from=${new Date(Date.now() - 360 * DAY * 1000).toISOString().slice(0, 10)}&to=${new Date(Date.now() - 353 * DAY * 1000).toISOString().slice(0, 10)}`, db)],
    ['search, common words ("gift cards")', list('q=gift+cards', db)],
    ['search, by payment id', list(`q=${sampleIds[7]}`, db)],
    ['search, one rare value (ord-99999)', list('q=ord-99999', db)],
    ['payment page lookup (intent, charge, refunds)', () => retrievePayment({ paymentIntentId: sampleIds[sample++ % sampleIds.length]! }, { db, stripe: neverCalled })],
  ];
  const rows: [string, string][] = [[`${label}: fill ${PAYMENTS.toLocaleString('en-US')} payments`, `${fillSeconds.toFixed(1)} s`]];
  for (const [shape, run] of shapes) {
    const samples = await time(run);
    const p95 = quantile(samples, 0.95);
    rows.push([`${label}: ${shape} p50 / p95`, `${quantile(samples, 0.5).toFixed(2)} / ${p95.toFixed(2)} ms${p95 > GOAL_P95_MS ? ' (over goal)' : ''}`]);
  }
  return rows;
}

async function onSqlite(): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  try {
    await applyMigrations(url);
    const db = createDb(url);
    try {
      return await measure('SQLite', db, 'ANALYZE');
    } finally {
      await db.$disconnect();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CREATE DATABASE copies template1 and fails while another session creates one from it: try again shortly. */
async function createDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      return;
    } catch (error) {
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function onPostgres(): Promise<[string, string][]> {
  const adminUrl = execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/ensure-postgres.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const name = `paydesk_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  try {
    await createDatabase(admin, name);
    await applyMigrations(url);
    const db = createDb(url);
    try {
      return await measure('PostgreSQL', db, 'VACUUM ANALYZE');
    } finally {
      await db.$disconnect();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** First-load JS of /payments: the root chunks plus the chunks of the page and its layouts, gzipped, from `.next`. */
function firstLoadJs(): [string, string] {
  const manifestPath = join('.next', 'server', 'app', '(dashboard)', 'payments', 'page_client-reference-manifest.js');
  if (!existsSync(manifestPath) || !existsSync(join('.next', 'build-manifest.json'))) return ['/payments first-load JS (gzip)', 'no build (run `npm run build`)'];
  const holder = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
  holder.__RSC_MANIFEST = {};
  createRequire(import.meta.url)(join(process.cwd(), manifestPath));
  const entries = Object.values(holder.__RSC_MANIFEST)[0]?.entryJSFiles ?? {};
  const build = JSON.parse(readFileSync(join('.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const segments = ['[project]/app/layout', '[project]/app/(dashboard)/layout', '[project]/app/(dashboard)/payments/page'];
  const files = new Set([...build.rootMainFiles, ...segments.flatMap((segment) => entries[segment] ?? [])]);
  const bytes = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join('.next', file))).length, 0);
  return ['/payments first-load JS (gzip)', `${(bytes / 1024).toFixed(1)} kB in ${files.size} files${bytes > 200 * 1024 ? ' (over 200 kB goal)' : ''}`];
}

export const benchmark: Benchmark = {
  title: `Payments list and payment page over ${PAYMENTS.toLocaleString('en-US')} payments, one connection (goal p95 < ${GOAL_P95_MS} ms)`,
  async run() {
    const rows = [...(await onSqlite()), ...(await onPostgres()), firstLoadJs()];
    printTable(`Payments (${ITERATIONS} runs per shape after ${WARMUP} warm-up)`, rows);
  },
};
