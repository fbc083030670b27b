import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, answerChallenge, stripeError } from './payment-helpers';


/** Event types oldest first, as they happened. */
async function eventTypes(stripe: Stripe): Promise<string[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  for (const event of events) expectStripeShape(event, 'event');
  return events.map((event) => event.type).reverse();
}

describe('payment events', () => {
  it('an automatic payment records created, charge.succeeded and payment_intent.succeeded', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY }, { idempotencyKey: 'pay-1' });
    expect(await eventTypes(stripe)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    const [succeeded] = (await stripe.events.list({ type: 'payment_intent.succeeded' })).data;
    expect(succeeded!.data.object).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(succeeded!.data.previous_attributes).toMatchObject({ status: 'requires_confirmation', amount_received: 0, latest_charge: null });
    expect(succeeded!.request).toEqual({ id: intent.lastResponse.requestId, idempotency_key: 'pay-1' });
  });

  it('manual capture records amount_capturable_updated, then charge.captured and payment_intent.succeeded', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    await stripe.paymentIntents.capture(held.id, { amount_to_capture: 600 });
    expect(await eventTypes(stripe)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.amount_capturable_updated',
      'charge.captured',
      'payment_intent.succeeded',
    ]);
    const [captured] = (await stripe.events.list({ type: 'charge.captured' })).data;
    expect(captured!.data.previous_attributes).toMatchObject({ captured: false, amount_captured: 0, amount_refunded: 0 });
  });

  it('a decline records charge.failed and payment_intent.payment_failed', async () => {
    const stripe = sandboxStripe();
    await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa_chargeDeclined', confirm: true, ...CARDS_ONLY }));
    expect(await eventTypes(stripe)).toEqual(['payment_intent.created', 'charge.failed', 'payment_intent.payment_failed']);
    const [failed] = (await stripe.events.list({ type: 'payment_intent.payment_failed' })).data;
    expect(failed!.data.object).toMatchObject({ status: 'requires_payment_method', last_payment_error: { decline_code: 'generic_decline' } });
  });

  it('3-D Secure records requires_action, then the outcome with no request behind it', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_authenticationRequired',
      confirm: true,
      return_url: 'https://shop.example/done',
      ...CARDS_ONLY,
    });
    await answerChallenge(intent.next_action!.redirect_to_url!.url!, 'complete');
    expect(await eventTypes(stripe)).toEqual(['payment_intent.created', 'payment_intent.requires_action', 'charge.succeeded', 'payment_intent.succeeded']);
    const [succeeded] = (await stripe.events.list({ type: 'payment_intent.succeeded' })).data;
    expect(succeeded!.request).toEqual({ id: null, idempotency_key: null });
  });

  it('canceling records payment_intent.canceled (and charge.refunded for a released hold)', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    await stripe.paymentIntents.cancel(held.id, { cancellation_reason: 'abandoned' });
    const types = await eventTypes(stripe);
    expect(types.slice(-2)).toEqual(['charge.refunded', 'payment_intent.canceled']);
    const [canceled] = (await stripe.events.list({ type: 'payment_intent.canceled' })).data;
    expect(canceled!.data.previous_attributes).toMatchObject({ status: 'requires_capture', cancellation_reason: null, amount_capturable: 1000 });
  });

  it('refunds record refund.created and charge.refunded; an update records refund.updated and charge.refund.updated', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 400 });
    await stripe.refunds.update(refund.id, { metadata: { reason: 'damaged' } });
    expect((await eventTypes(stripe)).slice(-4)).toEqual(['refund.created', 'charge.refunded', 'refund.updated', 'charge.refund.updated']);
    const [refunded] = (await stripe.events.list({ type: 'charge.refunded' })).data;
    expect(refunded!.data.object).toMatchObject({ amount_refunded: 400, refunded: false });
    expect(refunded!.data.previous_attributes).toMatchObject({ amount_refunded: 0 });
    const [updated] = (await stripe.events.list({ type: 'refund.updated' })).data;
    expect(updated!.data.previous_attributes).toEqual({ metadata: { reason: null } });
  });

  it('attaching and detaching a card record payment_method.attached and .detached', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann' });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.paymentMethods.detach(card.id);
    expect((await eventTypes(stripe)).slice(-2)).toEqual(['payment_method.attached', 'payment_method.detached']);
  });
});
