import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, stripeError } from './payment-helpers';


async function paid(stripe: Stripe, amount = 5000): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
}

describe('refunds', () => {
  it('refunds a payment in full by payment_intent: the charge shows it refunded', async () => {
    const stripe = sandboxStripe();
    const intent = await paid(stripe);
    const refund = await stripe.refunds.create({ payment_intent: intent.id, reason: 'requested_by_customer', metadata: { ticket: 'T-1' } });
    expectStripeShape(refund, 'refund');
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 5000,
      currency: 'usd',
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata: { ticket: 'T-1' },
      payment_intent: intent.id,
      charge: intent.latest_charge,
    });
    expect(refund.id).toMatch(/^re_/);
    expect(refund.balance_transaction).toMatch(/^txn_/);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([refund.id]);
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'succeeded', amount_received: 5000 });
  });

  it('refunds in parts by charge, up to what was captured', async () => {
    const stripe = sandboxStripe();
    const intent = await paid(stripe);
    const chargeId = intent.latest_charge as string;
    await stripe.refunds.create({ charge: chargeId, amount: 1000 });
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1000, refunded: false });
    await stripe.refunds.create({ charge: chargeId, amount: 4000, reason: 'duplicate' });
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 5000, refunded: true });
  });

  it('refuses to refund more than is left, in Stripe’s words', async () => {
    const stripe = sandboxStripe();
    const intent = await paid(stripe);
    await stripe.refunds.create({ payment_intent: intent.id, amount: 3000 });
    const error = await stripeError(() => stripe.refunds.create({ payment_intent: intent.id, amount: 2001 }));
    expect(error).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'amount',
      message: 'Refund amount ($20.01) is greater than unrefunded amount on charge ($20.00)',
    });
  });

  it('refuses to refund a charge that is already fully refunded', async () => {
    const stripe = sandboxStripe();
    const intent = await paid(stripe);
    await stripe.refunds.create({ payment_intent: intent.id });
    const error = await stripeError(() => stripe.refunds.create({ payment_intent: intent.id }));
    expect(error).toMatchObject({ statusCode: 400, code: 'charge_already_refunded', message: `Charge ${intent.latest_charge as string} has already been refunded.` });
  });

  it('refuses to refund an uncaptured intent (it has to be canceled instead)', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const error = await stripeError(() => stripe.refunds.create({ payment_intent: held.id }));
    expect(error).toMatchObject({ statusCode: 400, message: `This PaymentIntent (${held.id}) does not have a successful charge to refund.` });
  });

  it('refunds of a partial capture stop at the captured amount', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    await stripe.paymentIntents.capture(held.id, { amount_to_capture: 3000 });
    const refund = await stripe.refunds.create({ payment_intent: held.id });
    expect(refund.amount).toBe(3000);
    expect(await stripe.charges.retrieve(held.latest_charge as string)).toMatchObject({ amount_refunded: 5000, refunded: true });
  });

  it('refuses a request that names nothing to refund, and an unknown charge', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.refunds.create({}))).toMatchObject({ statusCode: 400 });
    expect(await stripeError(() => stripe.refunds.create({ charge: 'ch_missing' }))).toMatchObject({ statusCode: 404, param: 'charge', message: "No such charge: 'ch_missing'" });
  });

  it('retrieves, updates metadata, and lists refunds filtered by payment_intent and charge', async () => {
    const stripe = sandboxStripe();
    const first = await paid(stripe);
    const second = await paid(stripe);
    const a = await stripe.refunds.create({ payment_intent: first.id, amount: 100 });
    const b = await stripe.refunds.create({ payment_intent: first.id, amount: 200 });
    const c = await stripe.refunds.create({ payment_intent: second.id });
    expect(await stripe.refunds.retrieve(a.id)).toMatchObject({ id: a.id, amount: 100 });
    const updated = await stripe.refunds.update(a.id, { metadata: { note: 'late parcel' } });
    expect(updated.metadata).toEqual({ note: 'late parcel' });
    const all = await stripe.refunds.list();
    expectStripeShape(all);
    expect(all.data.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect((await stripe.refunds.list({ payment_intent: first.id })).data.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await stripe.refunds.list({ charge: second.latest_charge as string })).data.map((r) => r.id)).toEqual([c.id]);
    expect(await stripeError(() => stripe.refunds.retrieve('re_missing'))).toMatchObject({ statusCode: 404, message: "No such refund: 're_missing'" });
  });

  it('expands the refund’s charge and balance transaction', async () => {
    const stripe = sandboxStripe();
    const intent = await paid(stripe);
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 1500, expand: ['charge', 'balance_transaction'] });
    expect(refund.charge).toMatchObject({ object: 'charge', amount_refunded: 1500 });
    expect(refund.balance_transaction).toMatchObject({ object: 'balance_transaction', type: 'refund', amount: -1500, fee: 0, net: -1500 });
  });
});
