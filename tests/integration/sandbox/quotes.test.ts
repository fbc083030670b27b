import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { stripeError } from './payment-helpers';
import { startReceiver } from './webhooks-receiver';

interface Catalog {
  stripe: Stripe;
  customer: Stripe.Customer;
  product: Stripe.Product;
  price: Stripe.Price;
}

/** A fresh account with a customer and a one-time 25.00 price. */
async function catalog(): Promise<Catalog> {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: 'buyer@example.com', name: 'Buyer' });
  const product = await stripe.products.create({ name: 'Consulting day' });
  const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 2500 });
  return { stripe, customer, product, price };
}

async function openQuote({ stripe, customer, price }: Catalog): Promise<Stripe.Quote> {
  const quote = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: price.id, quantity: 2 }] });
  return stripe.quotes.finalizeQuote(quote.id);
}

async function eventTypes(stripe: Stripe, objectId: string): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100 });
  return events.data
    .filter((event) => (event.data.object as { id?: string }).id === objectId)
    .map((event) => event.type)
    .reverse();
}

describe('quotes', () => {
  it('a draft quote totals its line items, by price and by price_data', async () => {
    const shop = await catalog();
    const quote = await shop.stripe.quotes.create({
      customer: shop.customer.id,
      description: 'Two days and a workshop',
      line_items: [
        { price: shop.price.id, quantity: 2 },
        { price_data: { currency: 'usd', product: shop.product.id, unit_amount: 1000 }, quantity: 1 },
      ],
    });
    expectStripeShape(quote, 'quote');
    expect(quote).toMatchObject({
      status: 'draft',
      currency: 'usd',
      customer: shop.customer.id,
      amount_subtotal: 6000,
      amount_total: 6000,
      number: null,
      invoice: null,
      subscription: null,
      computed: { recurring: null, upfront: { amount_subtotal: 6000, amount_total: 6000 } },
    });
    expect(quote.id).toMatch(/^qt_/);
    expect(quote.expires_at).toBeGreaterThan(quote.created);
    const items = await shop.stripe.quotes.listLineItems(quote.id);
    expectStripeShape(items);
    expect(items.data.map((item) => [item.quantity, item.amount_total, item.description])).toEqual([
      [2, 5000, 'Consulting day'],
      [1, 1000, 'Consulting day'],
    ]);
    expect(items.data[1]!.price).toMatchObject({ unit_amount: 1000, type: 'one_time', active: false });
    expect(await eventTypes(shop.stripe, quote.id)).toEqual(['quote.created']);
  });

  it('a draft can be updated; an open quote cannot', async () => {
    const shop = await catalog();
    const draft = await shop.stripe.quotes.create({ customer: shop.customer.id, line_items: [{ price: shop.price.id }] });
    const updated = await shop.stripe.quotes.update(draft.id, {
      header: 'Offer',
      line_items: [{ price: shop.price.id, quantity: 3 }],
      metadata: { deal: 'D-7' },
    });
    expect(updated).toMatchObject({ header: 'Offer', amount_total: 7500, metadata: { deal: 'D-7' } });
    const open = await shop.stripe.quotes.finalizeQuote(draft.id);
    const error = await stripeError(() => shop.stripe.quotes.update(open.id, { header: 'Changed' }));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(error.message).toContain('status of open');
    // Only the expiration date of an open quote can still change.
    const later = open.expires_at + 86_400;
    expect(await shop.stripe.quotes.update(open.id, { expires_at: later })).toMatchObject({ status: 'open', expires_at: later });
  });

  it('a quote past its expires_at is canceled, with quote.canceled', async () => {
    const shop = await catalog();
    const draft = await shop.stripe.quotes.create({
      customer: shop.customer.id,
      line_items: [{ price: shop.price.id }],
      expires_at: Math.floor(Date.now() / 1000) + 2,
    });
    const open = await shop.stripe.quotes.finalizeQuote(draft.id);
    await expect
      .poll(async () => (await shop.stripe.quotes.retrieve(open.id)).status, { timeout: 6000, interval: 250 })
      .toBe('canceled');
    expect(await stripeError(() => shop.stripe.quotes.accept(open.id))).toMatchObject({ statusCode: 400 });
    expect(await eventTypes(shop.stripe, open.id)).toEqual(['quote.created', 'quote.finalized', 'quote.canceled']);
  });

  it('finalizing opens the quote with a number; it needs a customer first', async () => {
    const shop = await catalog();
    const anonymous = await shop.stripe.quotes.create({ line_items: [{ price: shop.price.id }] });
    const missing = await stripeError(() => shop.stripe.quotes.finalizeQuote(anonymous.id));
    expect(missing).toMatchObject({ statusCode: 400, param: 'customer' });
    const open = await openQuote(shop);
    expectStripeShape(open, 'quote');
    expect(open.status).toBe('open');
    expect(open.number).toMatch(/^QT-[0-9A-F]{8}-0001-1$/);
    expect(open.status_transitions.finalized_at).toEqual(expect.any(Number));
    const again = await stripeError(() => shop.stripe.quotes.finalizeQuote(open.id));
    expect(again).toMatchObject({ statusCode: 400 });
  });

  it('accepting a one-time quote creates a draft invoice for its lines, which then finalizes and is paid', async () => {
    const shop = await catalog();
    const open = await openQuote(shop);
    const accepted = await shop.stripe.quotes.accept(open.id);
    expectStripeShape(accepted, 'quote');
    expect(accepted).toMatchObject({ status: 'accepted', subscription: null });
    expect(accepted.status_transitions.accepted_at).toEqual(expect.any(Number));
    const invoice = await shop.stripe.invoices.retrieve(accepted.invoice as string);
    expectStripeShape(invoice, 'invoice');
    expect(invoice).toMatchObject({
      status: 'draft',
      customer: shop.customer.id,
      billing_reason: 'quote_accept',
      amount_due: 5000,
      total: 5000,
      parent: { type: 'quote_details', quote_details: { quote: open.id } },
    });
    expect(invoice.lines.data).toHaveLength(1);
    expect(invoice.lines.data[0]).toMatchObject({ amount: 5000, quantity: 2, description: 'Consulting day' });
    const finalized = await shop.stripe.invoices.finalizeInvoice(invoice.id);
    expect(finalized.status).toBe('open');
    const paid = await shop.stripe.invoices.pay(invoice.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 5000, amount_remaining: 0 });
    expect(await eventTypes(shop.stripe, open.id)).toEqual(['quote.created', 'quote.finalized', 'quote.accepted']);
    expect(await eventTypes(shop.stripe, invoice.id)).toEqual(
      expect.arrayContaining(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.payment_succeeded']),
    );
  });

  it('refuses to accept a draft quote, and to accept or cancel twice', async () => {
    const shop = await catalog();
    const draft = await shop.stripe.quotes.create({ customer: shop.customer.id, line_items: [{ price: shop.price.id }] });
    const early = await stripeError(() => shop.stripe.quotes.accept(draft.id));
    expect(early).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    expect(early.message).toContain('status of draft');
    expect((await shop.stripe.quotes.retrieve(draft.id)).status).toBe('draft');
    const open = await shop.stripe.quotes.finalizeQuote(draft.id);
    await shop.stripe.quotes.accept(open.id);
    expect(await stripeError(() => shop.stripe.quotes.accept(open.id))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(() => shop.stripe.quotes.cancel(open.id))).toMatchObject({ statusCode: 400 });
  });

  it('cancels a draft or open quote, which then cannot be accepted', async () => {
    const shop = await catalog();
    const open = await openQuote(shop);
    const canceled = await shop.stripe.quotes.cancel(open.id);
    expect(canceled.status).toBe('canceled');
    expect(canceled.status_transitions.canceled_at).toEqual(expect.any(Number));
    expect(await stripeError(() => shop.stripe.quotes.accept(open.id))).toMatchObject({ statusCode: 400 });
    expect(await eventTypes(shop.stripe, open.id)).toEqual(['quote.created', 'quote.finalized', 'quote.canceled']);
  });

  it('lists quotes by customer and status, and the upfront line items', async () => {
    const shop = await catalog();
    const open = await openQuote(shop);
    await shop.stripe.quotes.create({ customer: shop.customer.id, line_items: [{ price: shop.price.id }] });
    const other = await shop.stripe.customers.create({ email: 'other@example.com' });
    await shop.stripe.quotes.create({ customer: other.id, line_items: [{ price: shop.price.id }] });
    const mine = await shop.stripe.quotes.list({ customer: shop.customer.id });
    expectStripeShape(mine);
    expect(mine.data).toHaveLength(2);
    expect((await shop.stripe.quotes.list({ status: 'open' })).data.map((quote) => quote.id)).toEqual([open.id]);
    const upfront = await shop.stripe.quotes.listComputedUpfrontLineItems(open.id);
    expect(upfront.data.map((item) => item.amount_total)).toEqual([5000]);
    const unknown = await stripeError(() => shop.stripe.quotes.retrieve('qt_missing'));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('delivers the quote and invoice events, signed, to a webhook endpoint', async () => {
    const shop = await catalog();
    const receiver = await startReceiver();
    try {
      const endpoint = await shop.stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ['quote.created', 'quote.finalized', 'quote.accepted', 'invoice.created'] });
      const open = await openQuote(shop);
      const accepted = await shop.stripe.quotes.accept(open.id);
      const deliveries = await receiver.waitFor(4);
      expect(deliveries.map((delivery) => delivery.eventType)).toEqual(['quote.created', 'quote.finalized', 'invoice.created', 'quote.accepted']);
      const event = shop.stripe.webhooks.constructEvent(deliveries[3]!.body, deliveries[3]!.headers['stripe-signature'] as string, endpoint.secret!);
      expect(event.data.object).toMatchObject({ id: open.id, status: 'accepted', invoice: accepted.invoice });
    } finally {
      await receiver.close();
    }
  });

  it('expands the invoice and customer an accepted quote points at', async () => {
    const shop = await catalog();
    const accepted = await shop.stripe.quotes.accept((await openQuote(shop)).id, { expand: ['invoice', 'customer'] });
    expect(accepted.invoice).toMatchObject({ object: 'invoice', billing_reason: 'quote_accept' });
    expect(accepted.customer).toMatchObject({ object: 'customer', id: shop.customer.id });
  });

  it('refuses line items in different currencies or recurring intervals', async () => {
    const shop = await catalog();
    const euro = await shop.stripe.prices.create({ product: shop.product.id, currency: 'eur', unit_amount: 900 });
    const mixed = await stripeError(() =>
      shop.stripe.quotes.create({ customer: shop.customer.id, line_items: [{ price: shop.price.id }, { price: euro.id }] }),
    );
    expect(mixed).toMatchObject({ statusCode: 400, param: 'line_items' });
    const intervals = await stripeError(() =>
      shop.stripe.quotes.create({
        customer: shop.customer.id,
        line_items: [
          { price_data: { currency: 'usd', product: shop.product.id, unit_amount: 100, recurring: { interval: 'month' } } },
          { price_data: { currency: 'usd', product: shop.product.id, unit_amount: 1000, recurring: { interval: 'year' } } },
        ],
      }),
    );
    expect(intervals).toMatchObject({ statusCode: 400, param: 'line_items' });
  });
});
