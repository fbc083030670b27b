// Every event of a busy account delivered twice and shuffled ends with the projection equal to the sandbox's
// state; a burst of 1,000 concurrent deliveries stores each event once.
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { sandboxStripe } from '../../support/sandbox';
import { deliver, expectProjectionEqualsSandbox, newSecret } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const NO_REDIRECTS = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } };

async function allEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events;
}

/** A seeded shuffle, so a failure can be run again in the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Counts rows among `ids` in chunks below SQLite's bound-parameter limit. */
async function countInChunks(ids: string[], count: (chunk: string[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (let start = 0; start < ids.length; start += 500) total += await count(ids.slice(start, start + 500));
  return total;
}
const storedEvents = (ids: string[]) => countInChunks(ids, (chunk) => db.stripeEvent.count({ where: { id: { in: chunk } } }));

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(each));
}

describe('delivery order', () => {
  it("ends with the sandbox's state for customers, intents, charges, refunds, disputes and SetupIntents when every event arrives twice, shuffled", async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'v0' });
    for (const name of ['v1', 'v2', 'v3']) await stripe.customers.update(customer.id, { name });
    const paid = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    await stripe.refunds.create({ payment_intent: paid.id, amount: 1000 });
    await stripe.refunds.create({ payment_intent: paid.id, amount: 1500 });
    const manual = await stripe.paymentIntents.create({ amount: 3000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    await stripe.paymentIntents.capture(manual.id, { amount_to_capture: 2000 });
    const canceled = await stripe.paymentIntents.create({ amount: 700, currency: 'usd', payment_method: 'pm_card_visa', ...NO_REDIRECTS });
    await stripe.paymentIntents.cancel(canceled.id);
    const disputed = await stripe.paymentIntents.create({ amount: 4200, currency: 'usd', payment_method: 'pm_card_createDispute', confirm: true, ...NO_REDIRECTS });
    const [dispute] = (await stripe.disputes.list({ payment_intent: disputed.id })).data;
    await stripe.disputes.update(dispute!.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    const setup = await stripe.setupIntents.create({ customer: customer.id, ...NO_REDIRECTS });
    await stripe.setupIntents.confirm(setup.id, { payment_method: 'pm_card_visa_chargeDeclined' }).catch(() => undefined);
    await stripe.setupIntents.confirm(setup.id, { payment_method: 'pm_card_visa' });

    const events = await allEvents(stripe);
    expect(events.length).toBeGreaterThan(25);
    const secret = newSecret();
    const answers: number[] = [];
    for (const event of shuffled([...events, ...events], 20261127)) answers.push((await deliver(db, event, secret, { stripe })).status);
    expect(new Set(answers)).toEqual(new Set([200]));
    expect(await db.stripeEvent.count({ where: { id: { in: events.map((event) => event.id) } } })).toBe(events.length);

    const counts = await expectProjectionEqualsSandbox(stripe, db);
    expect(counts).toMatchObject({ customer: 1, payment_intent: 4, refund: 2, dispute: 1, setup_intent: 1 });
  });

  it('stores each of a burst of 1,000 concurrent deliveries once, and answers their duplicates 200 without a second row', { timeout: 120_000 }, async () => {
    const stripe = sandboxStripe();
    for (let start = 0; start < 1000; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, offset) => stripe.customers.create({ name: `Burst ${start + offset}` })));
    }
    const events = (await allEvents(stripe)).filter((event) => event.type === 'customer.created');
    expect(events).toHaveLength(1000);
    const secret = newSecret();
    const results: string[] = [];
    await inBatches(events, 100, async (event) => {
      const answer = await deliver(db, event, secret);
      results.push(answer.status === 200 && answer.body.received ? answer.body.result : `failed ${answer.status}`);
    });
    expect(results.filter((result) => result !== 'applied')).toEqual([]);
    const ids = events.map((event) => event.id);
    expect(await storedEvents(ids)).toBe(1000);

    const again: string[] = [];
    await inBatches(shuffled(events, 7), 100, async (event) => {
      const answer = await deliver(db, event, secret);
      again.push(answer.status === 200 && answer.body.received ? answer.body.result : `failed ${answer.status}`);
    });
    expect(new Set(again)).toEqual(new Set(['duplicate']));
    expect(await storedEvents(ids)).toBe(1000);
    const customerIds = events.map((event) => (event.data.object as Stripe.Customer).id);
    expect(await countInChunks(customerIds, (chunk) => db.stripeCustomer.count({ where: { id: { in: chunk } } }))).toBe(1000);
  });
});
