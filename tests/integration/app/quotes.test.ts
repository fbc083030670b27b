// Quotes: create → finalize → accept through the real SDK → sandbox → real database, with the invoice acceptance
// created followed from signed webhooks. Each test has its own sandbox account (fresh key).
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { acceptQuote } from '@/lib/quotes/accept-quote';
import { cancelQuote } from '@/lib/quotes/cancel-quote';
import { createQuote } from '@/lib/quotes/create-quote';
import { finalizeQuote } from '@/lib/quotes/finalize-quote';
import { listQuotes } from '@/lib/quotes/list-quotes';
import { createQuoteSchema } from '@/lib/quotes/quote-input';
import { retrieveQuote } from '@/lib/quotes/retrieve-quote';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const support: SessionUser = { ...admin, id: `user_${randomUUID()}`, email: 'support@paydesk.test', role: 'support' };
const seller: SessionUser = { ...admin, id: `user_${randomUUID()}`, email: 'seller@paydesk.test', role: 'seller' };

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** Delivers this account's events of `types` to the app's webhook ingest, oldest first, signed as Stripe signs them. */
async function deliverEvents(stripe: Stripe, ...types: string[]) {
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const events = (await stripe.events.list({ limit: 100 })).data.filter((event) => types.some((type) => event.type.startsWith(type))).reverse();
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    const result = await ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader, secrets: [secret] }, db, stripe);
    expect(result.status).toBe(200);
  }
}

async function shop() {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: `buyer-${randomUUID()}@example.com`, name: 'Buyer' });
  const price = await stripe.prices.create({ currency: 'usd', unit_amount: 2500, product_data: { name: 'Consulting day' } });
  return { stripe, customer, price };
}

async function countEvents(stripe: Stripe, type: string, objectId: string): Promise<number> {
  const events = await stripe.events.list({ type, limit: 100 });
  return events.data.filter((event) => (event.data.object as { id?: string }).id === objectId).length;
}

describe('creating a quote', () => {
  it('builds a draft from an existing price and an inline price, once when the same form is sent twice', async () => {
    const { stripe, customer, price } = await shop();
    const input = createQuoteSchema.parse({
      customerId: customer.id,
      currency: 'usd',
      expiresInDays: '14',
      linePrice: [price.id, ''],
      lineProduct: ['', 'Workshop'],
      lineUnitAmount: ['', '1,200.50'],
      lineInterval: ['one_time', 'one_time'],
      lineQuantity: ['2', '1'],
      idempotencyNonce: randomUUID(),
    });
    const first = await createQuote({ ...input, actor: admin }, { stripe, db });
    const replay = await createQuote({ ...input, actor: admin }, { stripe, db });
    expect(replay).toEqual(first);
    expect((await stripe.quotes.list({ customer: customer.id })).data).toHaveLength(1);

    const quote = await stripe.quotes.retrieve(first.id);
    expect(quote).toMatchObject({ status: 'draft', customer: customer.id, amount_total: 5000 + 120050, currency: 'usd' });
    expect(new Date(quote.expires_at * 1000).toISOString()).toMatch(/T23:59:59/);
    const lines = await stripe.quotes.listLineItems(first.id);
    expect(lines.data.map((line) => [line.description, line.quantity, line.amount_total])).toEqual([
      ['Consulting day', 2, 5000],
      ['Workshop', 1, 120050],
    ]);
    expect(await db.auditEntry.count({ where: { action: 'create-quote', objectId: first.id } })).toBe(1);
  });

  it('explains bad lines field by field, and refuses a price in another currency with nothing created', async () => {
    const { stripe, customer } = await shop();
    const result = createQuoteSchema.safeParse({
      customerId: customer.id,
      currency: 'usd',
      linePrice: ['', ''],
      lineProduct: ['Setup', ''],
      lineUnitAmount: ['12.345', '9'],
      lineInterval: ['one_time', 'month'],
      lineQuantity: ['1', '0'],
      idempotencyNonce: randomUUID(),
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lines.0.unitAmount', 'lines.1.quantity']));

    const euro = await stripe.prices.create({ currency: 'eur', unit_amount: 900, product_data: { name: 'Licence' } });
    const input = createQuoteSchema.parse({ customerId: customer.id, currency: 'usd', linePrice: [euro.id], lineQuantity: ['1'], idempotencyNonce: randomUUID() });
    await expect(createQuote({ ...input, actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { 'lines.0.priceId': 'This price is in EUR; the quote is in USD.' },
    });
    expect((await stripe.quotes.list({ customer: customer.id })).data).toHaveLength(0);
  });
});

describe('finalizing and accepting', () => {
  it('create → finalize → accept: the quote page follows the invoice acceptance created, once the webhooks confirm it', async () => {
    const { stripe, customer, price } = await shop();
    const input = createQuoteSchema.parse({ customerId: customer.id, currency: 'usd', linePrice: [price.id], lineQuantity: ['4'], idempotencyNonce: randomUUID() });
    const { id } = await createQuote({ ...input, actor: admin }, { stripe, db });
    expect(await finalizeQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).toEqual({ id, status: 'open' });
    const acceptNonce = randomUUID();
    expect(await acceptQuote({ quoteId: id, idempotencyNonce: acceptNonce, actor: admin }, { stripe, db })).toEqual({ id, status: 'accepted' });
    // a double-click replays the same accept instead of failing on the now accepted quote
    expect(await acceptQuote({ quoteId: id, idempotencyNonce: acceptNonce, actor: admin }, { stripe, db })).toEqual({ id, status: 'accepted' });
    expect(await countEvents(stripe, 'quote.accepted', id)).toBe(1);

    const before = await retrieveQuote({ quoteId: id }, { stripe, db });
    expect(before).toMatchObject({ status: 'accepted', confirmed: null, invoice: null });

    await deliverEvents(stripe, 'quote.', 'invoice.');
    const after = await retrieveQuote({ quoteId: id }, { stripe, db });
    const invoiceId = (await stripe.quotes.retrieve(id)).invoice as string;
    expect(after).toMatchObject({
      status: 'accepted',
      number: expect.stringMatching(/^QT-/),
      confirmed: { status: 'accepted', invoiceId },
      invoice: { id: invoiceId, status: 'draft', amountRemaining: 10000 },
    });
    expect(await db.stripeInvoice.findUnique({ where: { id: invoiceId } })).toMatchObject({ quoteId: id, customerId: customer.id, total: 10000, status: 'draft' });
    const listed = await listQuotes({ status: 'accepted' }, db);
    expect(listed.quotes.find((quote) => quote.id === id)).toMatchObject({ invoiceId, amountTotal: 10000, customer: { id: customer.id } });
  });

  it('refuses to accept a draft with a clear message, changing nothing in Stripe or the audit log', async () => {
    const { stripe, customer, price } = await shop();
    const input = createQuoteSchema.parse({ customerId: customer.id, currency: 'usd', linePrice: [price.id], idempotencyNonce: randomUUID() });
    const { id } = await createQuote({ ...input, actor: admin }, { stripe, db });
    await expect(acceptQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This quote can't be accepted: it is still a draft. Finalize it first. Nothing was changed.",
    });
    expect(await stripe.quotes.retrieve(id)).toMatchObject({ status: 'draft', invoice: null });
    expect(await db.auditEntry.count({ where: { action: 'accept-quote', objectId: id } })).toBe(0);

    await cancelQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await expect(finalizeQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db })).rejects.toMatchObject({
      code: 'conflict',
      message: "This quote can't be finalized: it is canceled. Nothing was changed.",
    });
    await deliverEvents(stripe, 'quote.');
    expect(await db.stripeQuote.findUnique({ where: { id } })).toMatchObject({ status: 'canceled', invoiceId: null });
  });

  it('a quote with a recurring line creates a subscription on acceptance', async () => {
    const { stripe, customer } = await shop();
    const input = createQuoteSchema.parse({
      customerId: customer.id,
      currency: 'usd',
      lineProduct: ['Support plan', 'Onboarding'],
      lineUnitAmount: ['49', '200'],
      lineInterval: ['month', 'one_time'],
      idempotencyNonce: randomUUID(),
    });
    const { id } = await createQuote({ ...input, actor: admin }, { stripe, db });
    await finalizeQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await acceptQuote({ quoteId: id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await deliverEvents(stripe, 'quote.', 'invoice.');
    const detail = await retrieveQuote({ quoteId: id }, { stripe, db });
    expect(detail).toMatchObject({ recurringTotal: { amount: 4900, interval: 'month' }, confirmed: { subscriptionId: expect.stringMatching(/^sub_/) } });
  });
});

describe('who may change quotes', () => {
  it('support and sellers are refused before anything reaches Stripe', async () => {
    const { stripe, customer, price } = await shop();
    for (const user of [support, seller]) {
      const action = makeValidatedAction({ getUser: async () => user })({ name: 'create-quote', permission: 'quotes:manage', schema: createQuoteSchema }, (input, context) =>
        createQuote({ ...input, actor: context.user }, { stripe, db }),
      );
      const result = await action(null, form({ customerId: customer.id, currency: 'usd', 'linePrice[]': [price.id], 'lineQuantity[]': ['1'], idempotencyNonce: randomUUID() }));
      expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await stripe.quotes.list({ customer: customer.id })).data).toHaveLength(0);
  });
});
