// The Payments list over the real projection: payments made in the sandbox, projected by signed webhooks,
// then filtered, searched and paged with the same function the page calls.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { createDb } from '@/lib/db/client';
import { listPayments } from '@/lib/payments/list-payments';
import { parsePaymentListSearch } from '@/lib/payments/list-payments-filter';
import { sandboxStripe } from '../../support/sandbox';
import { deliver, newSecret } from '../webhooks/helpers';
import { insertProjectedPayments, pay, projectAllEvents, runTag } from './payments-list-fixtures';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** listPayments for a URL search string, scoped to this file's payments by the run tag. */
async function ids(query: string, tag: string): Promise<string[]> {
  const { filter, fieldErrors } = parsePaymentListSearch(new URLSearchParams(query));
  expect(fieldErrors).toEqual({});
  const page = await listPayments({ filter: { ...filter, searchTerms: [...(filter.searchTerms ?? []), tag] }, limit: 100 }, db);
  return page.payments.map((payment) => payment.id);
}

describe('the payments list, from payments made in the sandbox', () => {
  const tag = runTag('list');
  let stripe: Stripe;
  let ada: Stripe.Customer;
  let bob: Stripe.Customer;
  const made: Record<string, Stripe.PaymentIntent> = {};

  beforeAll(async () => {
    stripe = sandboxStripe();
    ada = await stripe.customers.create({ email: `ada-${tag}@example.com`, name: `Ada ${tag}` });
    bob = await stripe.customers.create({ email: `bob-${tag}@example.com`, name: 'Bob Builder' });
    const metadata = { run: tag };
    made.coffee = await pay(stripe, { amount: 450, currency: 'usd', customer: ada.id, description: 'Flat white and croissant', metadata: { ...metadata, order: 'ORD-77' } });
    made.laptop = await pay(stripe, { amount: 129_900, currency: 'usd', customer: bob.id, description: 'Laptop', metadata, manual: true });
    made.train = await pay(stripe, { amount: 8_900, currency: 'eur', customer: ada.id, description: 'Train ticket', metadata });
    made.ramen = await pay(stripe, { amount: 1_200, currency: 'jpy', description: 'Ramen', metadata });
    made.declined = await pay(stripe, { amount: 5_000, currency: 'usd', customer: bob.id, description: 'Declined gadget', metadata, card: 'pm_card_visa_chargeDeclinedInsufficientFunds' });
    await stripe.refunds.create({ payment_intent: made.coffee.id, amount: 150 });
    await projectAllEvents(stripe, db);
  });

  it('lists every payment newest first with its customer, and the refunded amount from the charge', async () => {
    const page = await listPayments({ filter: { searchTerms: [tag] } }, db);
    expect(page.payments.map((payment) => payment.id).sort()).toEqual(Object.values(made).map((intent) => intent.id).sort());
    const created = page.payments.map((payment) => payment.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const coffee = page.payments.find((payment) => payment.id === made.coffee!.id);
    expect(coffee).toMatchObject({ status: 'succeeded', amount: 450, amountReceived: 450, amountRefunded: 150, currency: 'usd', customer: { id: ada.id, email: ada.email }, isAwaitingWebhook: false });
    expect(page.payments.find((payment) => payment.id === made.laptop!.id)).toMatchObject({ status: 'requires_capture', amountReceived: 0 });
    expect(page.payments.find((payment) => payment.id === made.declined!.id)).toMatchObject({ status: 'requires_payment_method' });
    expect(page.nextCursor).toBeNull();
  });

  it('filters by status, currency and customer (id, email or part of a name)', async () => {
    expect(await ids('status=requires_capture', tag)).toEqual([made.laptop!.id]);
    expect(await ids('currency=EUR', tag)).toEqual([made.train!.id]);
    expect((await ids(`customer=${ada.id}`, tag)).sort()).toEqual([made.coffee!.id, made.train!.id].sort());
    expect((await ids(`customer=${encodeURIComponent(bob.email!)}`, tag)).sort()).toEqual([made.laptop!.id, made.declined!.id].sort());
    expect((await ids('customer=Builder', tag)).sort()).toEqual([made.laptop!.id, made.declined!.id].sort());
    // Any case, on SQLite and PostgreSQL alike; LIKE's wildcards are taken literally.
    expect((await ids('customer=bUILDER', tag)).sort()).toEqual([made.laptop!.id, made.declined!.id].sort());
    expect(await ids('customer=B%25lder', tag)).toEqual([]);
    expect(await ids('customer=nobody%40example.com', tag)).toEqual([]);
  });

  it('filters by amount range in major units of the chosen currency, bounds included', async () => {
    expect((await ids('currency=usd&min=4.50&max=50', tag)).sort()).toEqual([made.coffee!.id, made.declined!.id].sort());
    expect(await ids('currency=usd&min=1000', tag)).toEqual([made.laptop!.id]);
    expect(await ids('currency=jpy&min=1200&max=1200', tag)).toEqual([made.ramen!.id]);
  });

  it('filters by created date range in UTC days', async () => {
    expect(await ids(`from=${today}&to=${today}`, tag)).toHaveLength(5);
    expect(await ids(`to=${yesterday}`, tag)).toEqual([]);
  });

  it('searches description words and metadata values in any case, and finds a payment by its own or its charge id', async () => {
    expect(await ids('q=CROISSANT', tag)).toEqual([made.coffee!.id]);
    expect(await ids('q=ord-77', tag)).toEqual([made.coffee!.id]);
    expect(await ids('q=train+ticket', tag)).toEqual([made.train!.id]);
    expect(await ids('q=laptop+croissant', tag)).toEqual([]);
    const byId = await listPayments({ filter: { searchTerms: [made.ramen!.id] } }, db);
    expect(byId.payments.map((payment) => payment.id)).toEqual([made.ramen!.id]);
    const chargeId = typeof made.train!.latest_charge === 'string' ? made.train!.latest_charge : made.train!.latest_charge!.id;
    const byCharge = await listPayments({ filter: { searchTerms: [chargeId] } }, db);
    expect(byCharge.payments.map((payment) => payment.id)).toEqual([made.train!.id]);
  });

  it('refuses amounts without a currency and bad values with a message per field, instead of guessing', () => {
    const parsed = parsePaymentListSearch(new URLSearchParams('min=10&status=paid&from=2026-13-01&currency=zzz'));
    expect(parsed.fieldErrors).toEqual({
      min: 'Choose a currency to filter by amount.',
      status: 'Choose one of the listed statuses.',
      from: 'Enter a date as YYYY-MM-DD.',
      currency: 'Choose a currency Paydesk accepts.',
    });
    expect(parsed.filter).toEqual({});
    expect(parsePaymentListSearch(new URLSearchParams('currency=usd&min=1.005')).fieldErrors.min).toBe('USD allows at most 2 decimal places.');
    expect(parsePaymentListSearch(new URLSearchParams('currency=usd&min=4.35')).filter.amountMin).toBe(435);
    // Beyond what the 32-bit `created` column holds.
    expect(parsePaymentListSearch(new URLSearchParams('to=2040-01-01')).fieldErrors.to).toBe('Enter a date between 1970-01-01 and 2038-01-17.');
  });
});

describe('the projection behind the list', () => {
  it('shows a declined payment as incomplete whichever order its same-second events arrive in', async () => {
    const stripe = sandboxStripe();
    const tag = runTag('declined');
    const intent = await pay(stripe, { amount: 700, currency: 'usd', metadata: { run: tag }, card: 'pm_card_visa_chargeDeclinedInsufficientFunds' });
    const events = (await stripe.events.list({ limit: 100 })).data.filter((event) => event.type.startsWith('payment_intent.'));
    expect(events.map((event) => event.type).sort()).toEqual(['payment_intent.created', 'payment_intent.payment_failed']);
    // Newest first, as a shuffled delivery might bring them.
    const secret = newSecret();
    for (const event of events) await deliver(db, event, secret);
    const page = await listPayments({ filter: { searchTerms: [tag] } }, db);
    expect(page.payments.map((payment) => [payment.id, payment.status])).toEqual([[intent.id, 'requires_payment_method']]);
  });

  it('projects and finds a payment carrying the most metadata Stripe allows (50 values of 500 characters)', async () => {
    const stripe = sandboxStripe();
    const tag = runTag('bigmeta');
    // Random, so PostgreSQL cannot compress the values below its index entry limit.
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key${index}`, `é${randomBytes(249).toString('hex').slice(0, 498)}`]));
    const intent = await pay(stripe, { amount: 2_000, currency: 'usd', description: `Bulk ${tag}`, metadata });
    await projectAllEvents(stripe, db);
    const page = await listPayments({ filter: { searchTerms: [tag] } }, db);
    expect(page.payments.map((payment) => payment.id)).toEqual([intent.id]);
  });
});

describe('paging the payments list with cursors', () => {
  it('walks 60 matches in pages of 25 older and back newer, with no row repeated or skipped, ties broken by id', async () => {
    const tag = runTag('page');
    const inserted = await insertProjectedPayments(db, { tag, count: 60, newest: 1_800_000_000, sameSecondEvery: 4 });
    const filter = { searchTerms: [tag] };
    const first = await listPayments({ filter, limit: 25 }, db);
    const second = await listPayments({ filter, limit: 25, after: first.nextCursor! }, db);
    const third = await listPayments({ filter, limit: 25, after: second.nextCursor! }, db);
    const seen = [...first.payments, ...second.payments, ...third.payments].map((payment) => payment.id);
    // Within a second the larger id comes first (descending, like Stripe's lists).
    const expected = [...inserted].sort((a, b) => {
      const second = (id: string) => Math.floor(Number(id.slice(-5)) / 4);
      return second(a) - second(b) || (a < b ? 1 : -1);
    });
    expect(seen).toEqual(expected);
    expect([first.previousCursor, third.nextCursor, third.payments.length]).toEqual([null, null, 10]);

    const backToSecond = await listPayments({ filter, limit: 25, before: third.previousCursor! }, db);
    expect(backToSecond.payments.map((payment) => payment.id)).toEqual(second.payments.map((payment) => payment.id));
    const backToFirst = await listPayments({ filter, limit: 25, before: backToSecond.previousCursor! }, db);
    expect(backToFirst.payments.map((payment) => payment.id)).toEqual(first.payments.map((payment) => payment.id));
    expect(backToFirst.previousCursor).toBeNull();
  });
});
