import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxBase, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { answerChallenge, CARDS_ONLY, stripeError } from './payment-helpers';

const RETURN_URL = 'https://shop.example/cards/saved?from=settings';
/** Card-only setup: no redirecting methods, so no return_url is needed. */
const NO_REDIRECTS: Pick<Stripe.SetupIntentCreateParams, 'automatic_payment_methods'> = { automatic_payment_methods: { enabled: true, allow_redirects: 'never' } };

async function attemptsOf(stripe: Stripe, setupIntent: string): Promise<Stripe.SetupAttempt[]> {
  const list = await stripe.setupAttempts.list({ setup_intent: setupIntent });
  expectStripeShape(list);
  return list.data;
}

async function eventTypes(stripe: Stripe): Promise<string[]> {
  const events = await stripe.events.list({ limit: 100 });
  return events.data.map((event) => event.type).reverse();
}

describe('SetupIntents', () => {
  it('saves a card to the customer when set up with confirm=true', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: 'ada@example.com' });
    const intent = await stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_visa', usage: 'off_session', confirm: true, metadata: { order: '7' }, ...NO_REDIRECTS });
    expectStripeShape(intent, 'setup_intent');
    expect(intent).toMatchObject({ status: 'succeeded', usage: 'off_session', customer: customer.id, metadata: { order: '7' }, mandate: null, last_setup_error: null });
    const paymentMethod = await stripe.paymentMethods.retrieve(intent.payment_method as string);
    expect(paymentMethod.customer).toBe(customer.id);
    const [attempt] = await attemptsOf(stripe, intent.id);
    expectStripeShape(attempt, 'setup_attempt');
    expect(attempt).toMatchObject({ id: intent.latest_attempt, status: 'succeeded', payment_method: paymentMethod.id, setup_error: null, setup_intent: intent.id });
    expect(await eventTypes(stripe)).toEqual(['customer.created', 'setup_intent.created', 'payment_method.attached', 'setup_intent.succeeded']);
  });

  it('moves from requires_payment_method to requires_confirmation to succeeded, and lists by customer', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({});
    const created = await stripe.setupIntents.create({ customer: customer.id, usage: 'on_session' });
    expect(created).toMatchObject({ status: 'requires_payment_method', usage: 'on_session', payment_method: null });
    const updated = await stripe.setupIntents.update(created.id, { payment_method: 'pm_card_mastercard', metadata: { step: '2' } });
    expectStripeShape(updated, 'setup_intent');
    expect(updated).toMatchObject({ status: 'requires_confirmation', metadata: { step: '2' } });
    const confirmed = await stripe.setupIntents.confirm(created.id, { return_url: RETURN_URL });
    expect(confirmed.status).toBe('succeeded');
    await stripe.setupIntents.create({ ...NO_REDIRECTS });
    const listed = await stripe.setupIntents.list({ customer: customer.id });
    expectStripeShape(listed);
    expect(listed.data.map((intent) => intent.id)).toEqual([created.id]);
  });

  it('lets a publishable key read the intent with its client_secret only', async () => {
    const key = freshSecretKey('seti');
    const stripe = sandboxStripe(key);
    const intent = await stripe.setupIntents.create({ customer: (await stripe.customers.create({})).id });
    const browser = sandboxStripe(key.replace('sk_test_', 'pk_test_'));
    const seen = await browser.setupIntents.retrieve(intent.id, { client_secret: intent.client_secret! });
    expect(seen).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    expect(seen).not.toHaveProperty('customer');
    const wrong = await stripeError(() => browser.setupIntents.retrieve(intent.id, { client_secret: `${intent.id}_secret_wrong` }));
    expect(wrong).toMatchObject({ statusCode: 400, code: 'setup_intent_invalid_parameter' });
  });

  it('declines a decline card with a 402, keeps the error on the intent and lists both attempts newest first', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({});
    const intent = await stripe.setupIntents.create({ customer: customer.id, ...NO_REDIRECTS });
    const error = await stripeError(() => stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa_chargeDeclined' }));
    expect(error).toMatchObject({ statusCode: 402, type: 'StripeCardError', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    const failed = await stripe.setupIntents.retrieve(intent.id);
    expectStripeShape(failed, 'setup_intent');
    expect(failed).toMatchObject({ status: 'requires_payment_method', payment_method: null, last_setup_error: { code: 'card_declined', decline_code: 'generic_decline' } });
    const succeeded = await stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(succeeded).toMatchObject({ status: 'succeeded', last_setup_error: null });
    const attempts = await attemptsOf(stripe, intent.id);
    for (const attempt of attempts) expectStripeShape(attempt, 'setup_attempt');
    expect(attempts.map((attempt) => attempt.status)).toEqual(['succeeded', 'failed']);
    expect(attempts[1]!.setup_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(await eventTypes(stripe)).toContain('setup_intent.setup_failed');
  });

  it('asks for 3-D Secure and, once completed, saves a card that later pays off-session', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({});
    const intent = await stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: true, return_url: RETURN_URL });
    expectStripeShape(intent, 'setup_intent');
    expect(intent).toMatchObject({ status: 'requires_action', next_action: { type: 'redirect_to_url', redirect_to_url: { return_url: RETURN_URL } } });
    const answer = await answerChallenge(intent.next_action!.redirect_to_url!.url!, 'complete');
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location')!);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ setup_intent: intent.id, setup_intent_client_secret: intent.client_secret, redirect_status: 'succeeded' });
    const done = await stripe.setupIntents.retrieve(intent.id);
    expect(done).toMatchObject({ status: 'succeeded', next_action: null });
    const [attempt] = await attemptsOf(stripe, intent.id);
    expect(attempt).toMatchObject({ status: 'succeeded', payment_method_details: { card: { three_d_secure: { result: 'authenticated' } } } });
    const payment = await stripe.paymentIntents.create({
      amount: 1500,
      currency: 'eur',
      customer: customer.id,
      payment_method: done.payment_method as string,
      off_session: true,
      confirm: true,
      ...CARDS_ONLY,
    });
    expect(payment.status).toBe('succeeded');
    expect(await eventTypes(stripe)).toEqual(expect.arrayContaining(['setup_intent.requires_action', 'setup_intent.succeeded']));
  });

  it('leaves the intent needing a new payment method when 3-D Secure fails', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.setupIntents.create({ payment_method: 'pm_card_threeDSecure2Required', confirm: true, ...NO_REDIRECTS });
    expect(intent).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    const url = (intent.next_action!.use_stripe_sdk as { stripe_js: string }).stripe_js;
    expect((await answerChallenge(url, 'fail')).status).toBe(200);
    const failed = await stripe.setupIntents.retrieve(intent.id);
    expectStripeShape(failed, 'setup_intent');
    expect(failed).toMatchObject({ status: 'requires_payment_method', payment_method: null, last_setup_error: { code: 'setup_intent_authentication_failure' } });
    const [attempt] = await attemptsOf(stripe, intent.id);
    expect(attempt).toMatchObject({ status: 'failed', setup_error: { code: 'setup_intent_authentication_failure' } });
    expect(await eventTypes(stripe)).toContain('setup_intent.setup_failed');
  });

  it('cancels with a reason and refuses to cancel or confirm again (setup_intent_unexpected_state)', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.setupIntents.create({ ...NO_REDIRECTS });
    const canceled = await stripe.setupIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expectStripeShape(canceled, 'setup_intent');
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const again = await stripeError(() => stripe.setupIntents.cancel(intent.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    expect(again.message).toBe(
      'You cannot cancel this SetupIntent because it has a status of canceled. Only a SetupIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.',
    );
    const confirm = await stripeError(() => stripe.setupIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(confirm).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    expect(await eventTypes(stripe)).toEqual(['setup_intent.created', 'setup_intent.canceled']);
  });

  it('refuses to confirm a succeeded intent or one without a payment method', async () => {
    const stripe = sandboxStripe();
    const done = await stripe.setupIntents.create({ payment_method: 'pm_card_visa', confirm: true, ...NO_REDIRECTS });
    const twice = await stripeError(() => stripe.setupIntents.confirm(done.id));
    expect(twice).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state', message: 'You cannot confirm this SetupIntent because it has already succeeded after being previously confirmed.' });
    const empty = await stripe.setupIntents.create({ ...NO_REDIRECTS });
    const missing = await stripeError(() => stripe.setupIntents.confirm(empty.id));
    expect(missing).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    expect(await stripeError(() => stripe.setupIntents.cancel(done.id))).toMatchObject({ code: 'setup_intent_unexpected_state' });
  });
});

describe('SetupAttempts and Mandates', () => {
  it('answers 400 parameter_missing when setup_intent is not given', async () => {
    const key = freshSecretKey('setatt');
    const response = await fetch(`${sandboxBase()}/v1/setup_attempts`, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; param: string; message: string } };
    expect(body.error).toMatchObject({ code: 'parameter_missing', param: 'setup_intent', message: 'Missing required param: setup_intent.' });
  });

  it('answers 404 resource_missing for a mandate the sandbox never created (cards create none)', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => stripe.mandates.retrieve('mandate_unknown'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such mandate: 'mandate_unknown'" });
  });
});
