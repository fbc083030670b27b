import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, answerChallenge, stripeError } from './payment-helpers';

const RETURN_URL = 'https://shop.example/checkout/done?order=7';

async function needingAuthentication(stripe: Stripe, options: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  return stripe.paymentIntents.create({
    amount: 4200,
    currency: 'eur',
    payment_method: 'pm_card_authenticationRequired',
    confirm: true,
    return_url: RETURN_URL,
    ...CARDS_ONLY,
    ...options,
  });
}

const challengeUrl = (intent: Stripe.PaymentIntent): string => intent.next_action!.redirect_to_url!.url!;

describe('3-D Secure', () => {
  it('stops at requires_action with a redirect to the sandbox’s challenge page when a return_url is given', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe);
    expectStripeShape(intent, 'payment_intent');
    expect(intent).toMatchObject({ status: 'requires_action', latest_charge: null, next_action: { type: 'redirect_to_url', redirect_to_url: { return_url: RETURN_URL } } });
    expect(challengeUrl(intent)).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/_sandbox/3ds/${intent.id}\\?client_secret=`));
  });

  it('asks Stripe.js to handle it (use_stripe_sdk) when no return_url is given', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 4200, currency: 'eur', payment_method: 'pm_card_authenticationRequired', confirm: true, ...CARDS_ONLY });
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action).toMatchObject({ type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: expect.stringContaining(`/_sandbox/3ds/${intent.id}`) } });
  });

  it('serves an accessible challenge page with Complete and Fail buttons', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe);
    const response = await fetch(challengeUrl(intent));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Complete authentication<\/button>/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Fail authentication<\/button>/);
    expect(html).toContain('€42.00 EUR');
    expect(html).toContain('visa ending in 3184');
  });

  it('completing the challenge pays the intent and sends the customer back with Stripe’s query parameters', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe);
    const answer = await answerChallenge(challengeUrl(intent), 'complete');
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('https://shop.example/checkout/done');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      order: '7',
      payment_intent: intent.id,
      payment_intent_client_secret: intent.client_secret,
      redirect_status: 'succeeded',
    });
    const paid = await stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 4200, next_action: null });
    const charge = paid.latest_charge as Stripe.Charge;
    expect(charge.payment_method_details?.card?.three_d_secure).toMatchObject({ result: 'authenticated', version: '2.2.0' });
    expect((await fetch(challengeUrl(intent))).status).toBe(409);
  });

  it('completing the challenge of a manual-capture intent leaves it awaiting capture', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe, { capture_method: 'manual' });
    await answerChallenge(challengeUrl(intent), 'complete');
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'requires_capture', amount_capturable: 4200 });
  });

  it('with manual confirmation, the server confirms again after the challenge', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe, { confirmation_method: 'manual' });
    await answerChallenge(challengeUrl(intent), 'complete');
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'requires_confirmation', next_action: null });
    expect(await stripe.paymentIntents.confirm(intent.id)).toMatchObject({ status: 'succeeded' });
  });

  it('failing the challenge returns the intent to requires_payment_method with an authentication failure', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe);
    const answer = await answerChallenge(challengeUrl(intent), 'fail');
    expect(new URL(answer.headers.get('location')!).searchParams.get('redirect_status')).toBe('failed');
    const failed = await stripe.paymentIntents.retrieve(intent.id);
    expectStripeShape(failed, 'payment_intent');
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_payment_error: {
        code: 'payment_intent_authentication_failure',
        message:
          'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      },
    });
    expect(await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', return_url: RETURN_URL })).toMatchObject({ status: 'succeeded' });
  });

  it('without a return_url the page answers in place once the challenge is answered', async () => {
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 4200, currency: 'eur', payment_method: 'pm_card_authenticationRequired', confirm: true, ...CARDS_ONLY });
    const url = intent.next_action!.use_stripe_sdk!.stripe_js as string;
    const answer = await answerChallenge(url, 'complete');
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Authentication complete');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('refuses the page without the intent’s client secret', async () => {
    const stripe = sandboxStripe();
    const intent = await needingAuthentication(stripe);
    const url = new URL(challengeUrl(intent));
    url.searchParams.set('client_secret', 'pi_wrong_secret_x');
    expect((await fetch(url)).status).toBe(404);
  });

  it('declines a card that needs authentication when the customer is off session', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => needingAuthentication(stripe, { off_session: true, return_url: undefined }));
    expect(error).toMatchObject({ statusCode: 402, code: 'authentication_required', decline_code: 'authentication_required' });
  });

  it('fails instead of asking for authentication when error_on_requires_action is set', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => needingAuthentication(stripe, { error_on_requires_action: true }));
    expect(error).toMatchObject({ statusCode: 402, code: 'authentication_required' });
    expect(error.payment_intent).toMatchObject({ status: 'requires_payment_method' });
  });

  it('pm_card_authenticationRequiredOnSetup asks on session, but not off session once saved to a customer', async () => {
    const stripe = sandboxStripe();
    const onSession = await needingAuthentication(stripe, { payment_method: 'pm_card_authenticationRequiredOnSetup' });
    expect(onSession.status).toBe('requires_action');
    const customer = await stripe.customers.create({ name: 'Ann' });
    const saved = await stripe.paymentMethods.attach('pm_card_authenticationRequiredOnSetup', { customer: customer.id });
    const offSession = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'eur',
      customer: customer.id,
      payment_method: saved.id,
      off_session: true,
      confirm: true,
      ...CARDS_ONLY,
    });
    expect(offSession.status).toBe('succeeded');
  });
});
