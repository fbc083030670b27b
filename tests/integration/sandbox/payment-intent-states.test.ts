import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { rawRequest } from './helpers';
import { CARDS_ONLY, stripeError } from './payment-helpers';


describe('payment intent states', () => {
  it('refuses to capture a canceled intent, with Stripe’s message and the intent in the error', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await stripe.paymentIntents.cancel(intent.id);
    const error = await stripeError(() => stripe.paymentIntents.capture(intent.id));
    expect(error).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      code: 'payment_intent_unexpected_state',
      message:
        'This PaymentIntent could not be captured because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.',
    });
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'canceled' });
    expectStripeShape(error.payment_intent, 'payment_intent');
  });

  it('refuses to confirm an intent that already succeeded', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const error = await stripeError(() => stripe.paymentIntents.confirm(intent.id));
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
      message: 'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    });
  });

  it('refuses to cancel an intent that succeeded (refund it instead)', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const error = await stripeError(() => stripe.paymentIntents.cancel(intent.id));
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'payment_intent_unexpected_state',
      message:
        'You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.',
    });
  });

  it('refuses to cancel twice and to capture twice', async () => {
    const stripe = sandboxStripe();
    const open = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    await stripe.paymentIntents.cancel(open.id);
    expect((await stripeError(() => stripe.paymentIntents.cancel(open.id))).message).toContain('because it has a status of canceled');
    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    await stripe.paymentIntents.capture(held.id);
    expect(await stripeError(() => stripe.paymentIntents.capture(held.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
      message: 'This PaymentIntent could not be captured because it has already been captured.',
    });
  });

  it('refuses to capture more than the amount capturable, and leaves the hold untouched', async () => {
    const stripe = sandboxStripe();
    const held = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const error = await stripeError(() => stripe.paymentIntents.capture(held.id, { amount_to_capture: 1001 }));
    expect(error).toMatchObject({ statusCode: 400, param: 'amount_to_capture' });
    expect(await stripe.paymentIntents.retrieve(held.id)).toMatchObject({ status: 'requires_capture', amount_capturable: 1000 });
  });

  it('refuses to capture an intent that was never confirmed', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', capture_method: 'manual', payment_method: 'pm_card_visa' });
    expect((await stripeError(() => stripe.paymentIntents.capture(intent.id))).message).toContain('has a status of requires_confirmation');
  });

  it('replays a declined confirmation for the same idempotency key instead of charging again', async () => {
    const stripe = sandboxStripe();
    const params = { amount: 1000, currency: 'usd', payment_method: 'pm_card_visa_chargeDeclined', confirm: true, ...CARDS_ONLY };
    const first = await stripeError(() => stripe.paymentIntents.create(params, { idempotencyKey: 'order-1-pay' }));
    const second = await stripeError(() => stripe.paymentIntents.create(params, { idempotencyKey: 'order-1-pay' }));
    expect(second).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect((await stripe.charges.list()).data).toHaveLength(1);
  });

  it('refuses to confirm without a payment method', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', ...CARDS_ONLY });
    const error = await stripeError(() => stripe.paymentIntents.confirm(intent.id));
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(error.message).toContain("because it's missing a payment method");
  });

  it('refuses a cancellation reason outside Stripe’s list', async () => {
    const key = freshSecretKey();
    const intent = await sandboxStripe(key).paymentIntents.create({ amount: 1000, currency: 'usd' });
    // The SDK's types forbid it, so the request goes out raw, as a buggy caller would send it.
    const response = await rawRequest('POST', `/v1/payment_intents/${intent.id}/cancel`, { key, form: 'cancellation_reason=bored' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param: 'cancellation_reason' });
  });

  it('refuses a client_secret that is not the intent’s', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    expect(await stripeError(() => stripe.paymentIntents.retrieve(intent.id, { client_secret: `${intent.id}_secret_wrong` }))).toMatchObject({
      statusCode: 400,
      param: 'client_secret',
    });
  });
});
