// "Refresh from Stripe" and a reconciliation run: the projection is compared with the sandbox, repaired, and
// every difference is reported — missing rows, wrong columns — while newer webhook state is left alone.
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { reconcileRange } from '@/lib/sync/reconcile-range';
import { refreshObject } from '@/lib/sync/refresh-object';
import { sandboxStripe } from '../../support/sandbox';
import { deliver, newSecret, sandboxEvents } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const NO_REDIRECTS = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' as const } };

describe('refresh from Stripe', () => {
  it('repairs a customer row that drifted and names the column that differed', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Right', email: 'right@example.com' });
    await deliver(db, (await sandboxEvents(stripe, 'customer.created'))[0]!, newSecret());
    // Drifted, and stamped long ago, as a row a lost update left behind.
    await db.stripeCustomer.update({ where: { id: customer.id }, data: { name: 'Wrong', updatedFromEventCreated: 0 } });

    const result = await refreshObject({ id: customer.id }, { stripe, db });
    expect(result).toEqual({ id: customer.id, type: 'customer', result: 'repaired', differences: [{ column: 'name', before: 'Wrong', after: 'Right' }] });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Right', source: 'sync' });
    expect((await refreshObject({ id: customer.id }, { stripe, db })).result).toBe('in_sync');
  });

  it('creates the row of a payment intent the projection never had', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1500, currency: 'eur', payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    const result = await refreshObject({ id: intent.id }, { stripe, db });
    expect(result.result).toBe('created');
    expect(await db.stripePaymentIntent.findUnique({ where: { id: intent.id } })).toMatchObject({ status: 'succeeded', amount: 1500, amountReceived: 1500, currency: 'eur', source: 'sync' });
  });

  it('refuses an id that is not a projected object', async () => {
    await expect(refreshObject({ id: 'prod_123' }, { stripe: sandboxStripe(), db })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('reconciliation run', () => {
  it('lists every difference in the range — a missing customer, a wrong email, a wrong intent status — fixes them, and then finds none', async () => {
    const stripe = sandboxStripe();
    const from = Math.floor(Date.now() / 1000) - 1;
    const [kept, missing, drifted] = await Promise.all(['kept', 'missing', 'drifted'].map((name) => stripe.customers.create({ name, email: `${name}@example.com` })));
    const intent = await stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    for (const event of await sandboxEvents(stripe, 'customer.created')) if (event.type === 'customer.created' && event.data.object.id !== missing!.id) await deliver(db, event, newSecret());
    await refreshObject({ id: intent.id }, { stripe, db });
    await db.stripeCustomer.update({ where: { id: drifted!.id }, data: { email: 'stale@example.com', updatedFromEventCreated: 0 } });
    await db.stripePaymentIntent.update({ where: { id: intent.id }, data: { status: 'requires_confirmation', updatedFromEventCreated: 0 } });

    const range = { createdFrom: from, createdTo: Math.floor(Date.now() / 1000) + 1, types: ['customer', 'payment_intent'] as const };
    const report = await reconcileRange(range, { stripe, db });
    expect(report.checked).toBe(4);
    const fixed = Object.fromEntries(report.fixed.map((entry) => [entry.id, { result: entry.result, columns: entry.differences.map((difference) => difference.column) }]));
    expect(fixed).toEqual({
      [missing!.id]: { result: 'created', columns: expect.arrayContaining(['name', 'email']) },
      [drifted!.id]: { result: 'repaired', columns: ['email'] },
      [intent.id]: { result: 'repaired', columns: ['status'] },
    });
    expect(await db.stripeCustomer.findUnique({ where: { id: kept!.id } })).toMatchObject({ name: 'kept' });
    expect(await db.stripePaymentIntent.findUnique({ where: { id: intent.id } })).toMatchObject({ status: 'succeeded' });

    const again = await reconcileRange(range, { stripe, db });
    expect(again.fixed).toEqual([]);
    expect(again.inSync + again.keptNewer).toBe(4);
  });
});

describe('billing objects', () => {
  it('refreshes a finalized quote and reconciles its accepted invoice, repairing a drifted amount paid', async () => {
    const stripe = sandboxStripe();
    const from = Math.floor(Date.now() / 1000) - 1;
    const customer = await stripe.customers.create({ name: 'Buyer' });
    const product = await stripe.products.create({ name: 'Consulting day' });
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 2500 });
    const draft = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id, quantity: 2 }] });
    const quote = await stripe.quotes.finalizeQuote(draft.id);

    expect(await refreshObject({ id: quote.id }, { stripe, db })).toMatchObject({ type: 'quote', result: 'created' });
    expect(await db.stripeQuote.findUnique({ where: { id: quote.id } })).toMatchObject({ status: 'open', amountTotal: 5000, source: 'sync' });

    const accepted = await stripe.quotes.accept(quote.id);
    const invoiceId = typeof accepted.invoice === 'string' ? accepted.invoice : accepted.invoice!.id;
    const finalized = await stripe.invoices.finalizeInvoice(invoiceId);
    await refreshObject({ id: finalized.id }, { stripe, db });
    await db.stripeInvoice.update({ where: { id: finalized.id }, data: { amountPaid: 999, updatedFromEventCreated: 0 } });

    const report = await reconcileRange({ createdFrom: from, createdTo: Math.floor(Date.now() / 1000) + 1, types: ['quote', 'invoice'] }, { stripe, db });
    const fixed = Object.fromEntries(report.fixed.map((entry) => [entry.id, { result: entry.result, columns: entry.differences.map((difference) => difference.column) }]));
    expect(fixed[finalized.id]).toEqual({ result: 'repaired', columns: expect.arrayContaining(['amountPaid']) });
    expect(fixed[quote.id]).toMatchObject({ result: 'repaired', columns: expect.arrayContaining(['status']) });
    expect(await db.stripeQuote.findUnique({ where: { id: quote.id } })).toMatchObject({ status: 'accepted', invoiceId: finalized.id });
    expect(await db.stripeInvoice.findUnique({ where: { id: finalized.id } })).toMatchObject({ status: 'open', amountPaid: 0 });
  });
});
