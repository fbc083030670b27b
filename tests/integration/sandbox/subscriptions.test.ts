import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { stripeError } from './payment-helpers';

interface Accepted {
  stripe: Stripe;
  customer: Stripe.Customer;
  quote: Stripe.Quote;
}

/** Accepts a quote for a 20.00/month plan (× 2 seats) plus a one-time 50.00 onboarding fee. */
async function acceptedRecurringQuote(): Promise<Accepted> {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: 'team@example.com' });
  const product = await stripe.products.create({ name: 'Team plan' });
  const onboarding = await stripe.prices.create({ currency: 'usd', unit_amount: 5000, product_data: { name: 'Onboarding' } });
  const draft = await stripe.quotes.create({
    customer: customer.id,
    line_items: [
      { price_data: { currency: 'usd', product: product.id, unit_amount: 2000, recurring: { interval: 'month' } }, quantity: 2 },
      { price: onboarding.id, quantity: 1 },
    ],
    subscription_data: { description: 'Team plan for Example' },
  });
  await stripe.quotes.finalizeQuote(draft.id);
  const quote = await stripe.quotes.accept(draft.id);
  return { stripe, customer, quote };
}

describe('subscriptions from accepted recurring quotes', () => {
  it('a recurring quote computes its monthly total beside the upfront one', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({});
    const product = await stripe.products.create({ name: 'Plan' });
    const quote = await stripe.quotes.create({
      customer: customer.id,
      line_items: [{ price_data: { currency: 'usd', product: product.id, unit_amount: 2000, recurring: { interval: 'month' } }, quantity: 2 }],
    });
    expect(quote.computed.recurring).toMatchObject({ amount_total: 4000, interval: 'month', interval_count: 1 });
    expect(quote.computed.upfront.amount_total).toBe(4000);
  });

  it('accepting creates an active subscription with the recurring items and a first invoice with every line', async () => {
    const { stripe, customer, quote } = await acceptedRecurringQuote();
    expect(quote).toMatchObject({ status: 'accepted' });
    expect(quote.subscription).toMatch(/^sub_/);
    const subscription = await stripe.subscriptions.retrieve(quote.subscription as string);
    expectStripeShape(subscription, 'subscription');
    expect(subscription).toMatchObject({
      status: 'active',
      customer: customer.id,
      currency: 'usd',
      collection_method: 'charge_automatically',
      description: 'Team plan for Example',
      cancel_at_period_end: false,
      latest_invoice: quote.invoice,
    });
    expect(subscription.items.data).toHaveLength(1);
    const [item] = subscription.items.data;
    expectStripeShape(item, 'subscription_item');
    expect(item).toMatchObject({ quantity: 2, price: { unit_amount: 2000, recurring: { interval: 'month' } }, plan: { amount: 2000, interval: 'month' } });
    expect(item!.current_period_end).toBeGreaterThan(item!.current_period_start + 27 * 86_400);
    const invoice = await stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({
      status: 'draft',
      billing_reason: 'subscription_create',
      total: 9000,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    });
    expect(invoice.lines.data.map((line) => [line.amount, line.parent?.type])).toEqual([
      [4000, 'subscription_item_details'],
      [5000, 'invoice_item_details'],
    ]);
    const events = await stripe.events.list({ type: 'customer.subscription.created' });
    expect(events.data.map((event) => (event.data.object as Stripe.Subscription).id)).toEqual([subscription.id]);
  });

  it('the first invoice is finalized and paid like any other', async () => {
    const { stripe, quote } = await acceptedRecurringQuote();
    await stripe.invoices.finalizeInvoice(quote.invoice as string);
    const paid = await stripe.invoices.pay(quote.invoice as string, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 9000 });
    const listed = await stripe.invoices.list({ subscription: quote.subscription as string });
    expect(listed.data.map((invoice) => invoice.id)).toEqual([paid.id]);
  });

  it('cancels a subscription; lists leave canceled ones out unless asked', async () => {
    const { stripe, customer, quote } = await acceptedRecurringQuote();
    const listed = await stripe.subscriptions.list({ customer: customer.id });
    expectStripeShape(listed);
    expect(listed.data.map((subscription) => subscription.id)).toEqual([quote.subscription]);
    const canceled = await stripe.subscriptions.cancel(quote.subscription as string);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'cancellation_requested' } });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    expect(canceled.ended_at).toEqual(expect.any(Number));
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ status: 'canceled' })).data.map((subscription) => subscription.id)).toEqual([canceled.id]);
    expect((await stripe.subscriptions.list({ status: 'all' })).data).toHaveLength(1);
    const deleted = await stripe.events.list({ type: 'customer.subscription.deleted' });
    expect(deleted.data).toHaveLength(1);
    expect(deleted.data[0]!.data.previous_attributes).toMatchObject({ status: 'active' });
    expect(await stripeError(() => stripe.subscriptions.cancel(canceled.id))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(() => stripe.subscriptions.retrieve('sub_missing'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
