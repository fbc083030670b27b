import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, stripeError } from './payment-helpers';


describe('balance transactions and charges', () => {
  it('records a charge with Stripe’s 2.9% + 30¢ fee, pending until it is available', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 10000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    const transaction = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
    expectStripeShape(transaction, 'balance_transaction');
    expect(transaction).toMatchObject({
      amount: 10000,
      fee: 320,
      net: 9680,
      currency: 'usd',
      type: 'charge',
      reporting_category: 'charge',
      source: charge.id,
      status: 'pending',
      fee_details: [{ amount: 320, type: 'stripe_fee', currency: 'usd' }],
    });
    expect(transaction.available_on).toBeGreaterThan(transaction.created);
  });

  it('rounds the percentage half up to a whole cent', async () => {
    const stripe = sandboxStripe();
    // 2.9% of 1050 is 30.45 → 30, plus 30; of 1150 it is 33.35 → 33, plus 30.
    for (const [amount, fee] of [
      [1050, 60],
      [1150, 63],
      [50, 31],
    ] as const) {
      const intent = await stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
      const charge = await stripe.charges.retrieve(intent.latest_charge as string, { expand: ['balance_transaction'] });
      expect(charge.balance_transaction).toMatchObject({ amount, fee, net: amount - fee });
    }
  });

  it('pm_card_bypassPending funds are available at once', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true, ...CARDS_ONLY });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string, { expand: ['balance_transaction'] });
    expect(charge.balance_transaction).toMatchObject({ status: 'available' });
  });

  it('lists transactions newest first, filtered by type and source', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 3000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    const all = await stripe.balanceTransactions.list();
    expectStripeShape(all);
    expect(all.data.map((t) => [t.type, t.amount])).toEqual([
      ['refund', -1000],
      ['charge', 3000],
    ]);
    expect((await stripe.balanceTransactions.list({ type: 'refund' })).data.map((t) => t.source)).toEqual([refund.id]);
    expect((await stripe.balanceTransactions.list({ source: intent.latest_charge as string })).data.map((t) => t.type)).toEqual(['charge']);
    expect(await stripeError(() => stripe.balanceTransactions.retrieve('txn_missing'))).toMatchObject({ statusCode: 404 });
  });

  it('serves the receipt a charge’s receipt_url points at', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1234, currency: 'usd', description: 'Order 9', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    const response = await fetch(charge.receipt_url!);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('$12.34 USD');
    expect(html).toContain('visa •••• 4242');
  });

  it('lists charges filtered by customer and payment_intent', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann' });
    const mine = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id, payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const other = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const all: Stripe.ApiList<Stripe.Charge> = await stripe.charges.list();
    expectStripeShape(all);
    expect(all.data.map((c) => c.id)).toEqual([other.latest_charge, mine.latest_charge]);
    expect((await stripe.charges.list({ customer: customer.id })).data.map((c) => c.id)).toEqual([mine.latest_charge]);
    expect((await stripe.charges.list({ payment_intent: other.id })).data.map((c) => c.id)).toEqual([other.latest_charge]);
  });

  it('a charge carries its billing details and card checks', async () => {
    const stripe = sandboxStripe();
    const card = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '5555555555554444', exp_month: 4, exp_year: new Date().getUTCFullYear() + 3, cvc: '123' },
      billing_details: { name: 'Ann Lee', email: 'ann@example.com', address: { postal_code: '94103', country: 'US' } },
    });
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: card.id, confirm: true, ...CARDS_ONLY });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge.billing_details).toMatchObject({ name: 'Ann Lee', email: 'ann@example.com', address: { postal_code: '94103', country: 'US' } });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'mastercard', exp_month: 4, checks: { cvc_check: 'pass' } });
  });
});
