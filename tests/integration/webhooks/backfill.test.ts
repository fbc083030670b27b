// The backfill ("Sync from Stripe"): 5,000+ sandbox objects of six types, interrupted midway (with 429s on the
// way) and resumed from the stored cursors, end with the projection equal to the sandbox's state.
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { runSync, SyncInterrupted, type SyncTypeProgress } from '@/lib/sync/run-sync';
import { SYNC_OBJECT_TYPES, type SyncObjectType } from '@/lib/sync/sync-object-types';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { control } from '../sandbox/webhooks-controls';
import { deliver, expectProjectionEqualsSandbox, newSecret, reissued, sandboxEvents } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const NO_REDIRECTS = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } };

async function inParallel(count: number, concurrency: number, make: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await make(next++);
    }),
  );
}

/** 2,000 customers, 1,000 paid intents (400 refunded), 200 disputed, 200 set-up cards: 5,200 objects. */
async function seedAccount(stripe: Stripe): Promise<void> {
  await inParallel(2000, 8, (index) => stripe.customers.create({ name: `Backfill ${index}`, email: `backfill-${index}@example.com` }));
  await inParallel(1000, 8, async (index) => {
    const intent = await stripe.paymentIntents.create({ amount: 1000 + index, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    if (index % 5 < 2) await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
  });
  await inParallel(200, 8, () => stripe.paymentIntents.create({ amount: 2500, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, ...NO_REDIRECTS }));
  await inParallel(200, 8, () => stripe.setupIntents.create({ payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS }));
}

describe('backfill', () => {
  it('imports 5,200 objects, interrupted halfway and resumed from the stored cursors, backing off on 429s', { timeout: 240_000 }, async () => {
    const key = freshSecretKey('backfill');
    const stripe = sandboxStripe(key);
    await seedAccount(stripe);
    await control(key, 'POST', '/_sandbox/faults', { kind: 'rate_limit', count: 3 });

    const abort = new AbortController();
    const doneByType = new Map<SyncObjectType, number>();
    const stopHalfway = (progress: SyncTypeProgress) => {
      doneByType.set(progress.type, progress.done);
      if ([...doneByType.values()].reduce((sum, done) => sum + done, 0) >= 2600) abort.abort();
    };
    await expect(runSync({ restart: true, signal: abort.signal, onProgress: stopHalfway, backoffBaseMs: 20 }, { stripe, db })).rejects.toBeInstanceOf(SyncInterrupted);
    const stopped = await db.syncState.findMany();
    expect(stopped.find((state) => state.objectType === 'customer')).toMatchObject({ status: 'done', done: 2000 });
    const midway = stopped.find((state) => state.status === 'running');
    expect(midway?.cursor).toMatch(/^(pi|ch)_/);

    const resumed = await runSync({ backoffBaseMs: 20 }, { stripe, db });
    expect(resumed.map((line) => [line.type, line.status])).toEqual(SYNC_OBJECT_TYPES.map((type) => [type, 'done']));
    const counts = await expectProjectionEqualsSandbox(stripe, db);
    expect(counts).toEqual({ customer: 2000, payment_intent: 1200, charge: 1200, refund: 400, dispute: 200, setup_intent: 200, quote: 0, invoice: 0, credit_note: 0, connected_account: 0, transfer: 0, application_fee: 0, payout: 0 });
    const totals = await db.syncState.findMany();
    expect(Object.fromEntries(totals.map((state) => [state.objectType, state.done]))).toEqual(counts);
    const injected = (await control(key, 'GET', '/_sandbox/faults')).injected as Record<string, number>;
    expect(injected.rate_limit).toBe(3);
  });

  it('writes with source sync and never over a newer webhook state', async () => {
    const stripe = sandboxStripe();
    const kept = await stripe.customers.create({ name: 'Before' });
    const synced = await stripe.customers.create({ name: 'Only in Stripe' });
    const [created] = await sandboxEvents(stripe, 'customer.created');
    // A later change the webhook already told us about (its event is newer than the read will be).
    const newer = reissued(created!, { created: Math.floor(Date.now() / 1000) + 60 });
    if (newer.type !== 'customer.created') throw new Error('unexpected event');
    newer.data.object = { ...newer.data.object, id: kept.id, name: 'From a newer webhook' };
    await deliver(db, newer, newSecret());

    await runSync({ restart: true, types: ['customer'] }, { stripe, db });
    expect(await db.stripeCustomer.findUnique({ where: { id: kept.id } })).toMatchObject({ name: 'From a newer webhook', source: 'webhook' });
    expect(await db.stripeCustomer.findUnique({ where: { id: synced.id } })).toMatchObject({ name: 'Only in Stripe', source: 'sync', updatedFromEventId: null });
  });
});

