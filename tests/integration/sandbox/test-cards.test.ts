import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { CARDS_ONLY, stripeError } from './payment-helpers';


/** Stripe's documented outcome per magic id / number (docs.stripe.com/testing and /radar/testing). */
const SUCCEEDING = [
  { id: 'pm_card_visa', number: '4242424242424242', brand: 'visa', last4: '4242', funding: 'credit', country: 'US' },
  { id: 'pm_card_mastercard', number: '5555555555554444', brand: 'mastercard', last4: '4444', funding: 'credit', country: 'US' },
  { id: 'pm_card_amex', number: '378282246310005', brand: 'amex', last4: '0005', funding: 'credit', country: 'US' },
  { id: 'pm_card_createDispute', number: '4000000000000259', brand: 'visa', last4: '0259', funding: 'credit', country: 'US' },
  { id: 'pm_card_createDisputeInquiry', number: '4000000000001976', brand: 'visa', last4: '1976', funding: 'credit', country: 'US' },
] as const;

const DECLINING = [
  { id: 'pm_card_visa_chargeDeclined', number: '4000000000000002', code: 'card_declined', decline: 'generic_decline', message: 'Your card was declined.' },
  { id: 'pm_card_visa_chargeDeclinedInsufficientFunds', number: '4000000000009995', code: 'card_declined', decline: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  { id: 'pm_card_visa_chargeDeclinedLostCard', number: '4000000000009987', code: 'card_declined', decline: 'lost_card', message: 'Your card was declined.' },
  { id: 'pm_card_visa_chargeDeclinedStolenCard', number: '4000000000009979', code: 'card_declined', decline: 'stolen_card', message: 'Your card was declined.' },
  { id: 'pm_card_chargeDeclinedExpiredCard', number: '4000000000000069', code: 'expired_card', decline: 'expired_card', message: 'Your card has expired.' },
  { id: 'pm_card_chargeDeclinedIncorrectCvc', number: '4000000000000127', code: 'incorrect_cvc', decline: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  {
    id: 'pm_card_chargeDeclinedProcessingError',
    number: '4000000000000119',
    code: 'processing_error',
    decline: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  { id: 'pm_card_chargeCustomerFail', number: '4000000000000341', code: 'card_declined', decline: 'generic_decline', message: 'Your card was declined.' },
  { id: 'pm_card_radarBlock', number: '4100000000000019', code: 'card_declined', decline: 'fraudulent', message: 'Your card was declined.' },
] as const;

async function payWith(stripe: Stripe, paymentMethod: string) {
  return stripe.paymentIntents.create({ amount: 2500, currency: 'usd', payment_method: paymentMethod, confirm: true, ...CARDS_ONLY });
}

async function cardFromNumber(stripe: Stripe, number: string): Promise<Stripe.PaymentMethod> {
  return stripe.paymentMethods.create({ type: 'card', card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: number.length === 15 ? '1234' : '123' } });
}

describe('test cards', () => {
  for (const card of SUCCEEDING) {
    it(`${card.id} and ${card.number} pay, with ${card.brand} •••• ${card.last4} on the charge`, async () => {
      const stripe = sandboxStripe();
      for (const paymentMethod of [card.id, (await cardFromNumber(stripe, card.number)).id]) {
        const intent = await payWith(stripe, paymentMethod);
        expect(intent.status).toBe('succeeded');
        const charge = await stripe.charges.retrieve(intent.latest_charge as string);
        // The dispute cards' charges succeed, then a dispute opens on them (disputes.test.ts).
        expect(charge).toMatchObject({ status: 'succeeded', paid: true, disputed: card.id.startsWith('pm_card_createDispute') });
        expect(charge.payment_method_details?.card).toMatchObject({ brand: card.brand, last4: card.last4, funding: card.funding, country: card.country });
      }
    });
  }

  for (const card of DECLINING) {
    it(`${card.id} and ${card.number} decline with ${card.code}/${card.decline}, leaving a failed charge and the intent awaiting a new card`, async () => {
      const stripe = sandboxStripe();
      for (const paymentMethod of [card.id, (await cardFromNumber(stripe, card.number)).id]) {
        const error = await stripeError(() => payWith(stripe, paymentMethod));
        expect(error).toMatchObject({ statusCode: 402, type: 'StripeCardError', code: card.code, decline_code: card.decline, message: card.message });
        const intent = error.payment_intent!;
        expectStripeShape(intent, 'payment_intent');
        expect(intent).toMatchObject({ status: 'requires_payment_method', payment_method: null });
        expect(intent.last_payment_error).toMatchObject({ type: 'card_error', code: card.code, decline_code: card.decline, charge: intent.latest_charge });
        expect(intent.last_payment_error?.payment_method).toMatchObject({ object: 'payment_method', card: { last4: card.number.slice(-4) } });
        const charge = await stripe.charges.retrieve(intent.latest_charge as string);
        expectStripeShape(charge, 'charge');
        expect(charge).toMatchObject({ status: 'failed', paid: false, captured: false, failure_code: card.code, failure_message: card.message });
        expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'requires_payment_method' });
      }
    });
  }

  it('a Radar block never reaches the network and carries the highest risk level', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => payWith(stripe, 'pm_card_radarBlock'));
    const charge = await stripe.charges.retrieve(error.payment_intent!.latest_charge as string);
    expect(charge.outcome).toMatchObject({ type: 'blocked', network_status: 'not_sent_to_network', risk_level: 'highest', reason: 'highest_risk_level' });
    const issuer = await stripeError(() => payWith(stripe, 'pm_card_visa_chargeDeclinedInsufficientFunds'));
    const declined = await stripe.charges.retrieve(issuer.payment_intent!.latest_charge as string);
    expect(declined.outcome).toMatchObject({ type: 'issuer_declined', network_status: 'declined_by_network', reason: 'insufficient_funds' });
  });

  it('the declined intent can be paid with another card afterwards', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() => payWith(stripe, 'pm_card_visa_chargeDeclined'));
    const retried = await stripe.paymentIntents.confirm(error.payment_intent!.id, { payment_method: 'pm_card_visa' });
    expect(retried).toMatchObject({ status: 'succeeded', last_payment_error: null });
    expect((await stripe.charges.list({ payment_intent: retried.id })).data.map((c) => c.status)).toEqual(['succeeded', 'failed']);
  });

  it('each use of a magic id makes a fresh payment method with the card’s details', async () => {
    const stripe = sandboxStripe();
    const first = await payWith(stripe, 'pm_card_mastercard');
    const second = await payWith(stripe, 'pm_card_mastercard');
    expect(first.payment_method).not.toBe(second.payment_method);
    // One PaymentMethod per use, none left over from create-and-confirm.
    expect((await stripe.paymentMethods.list()).data.map((pm) => pm.id).sort()).toEqual([first.payment_method, second.payment_method].sort());
    const paymentMethod = await stripe.paymentMethods.retrieve(first.payment_method as string);
    expectStripeShape(paymentMethod, 'payment_method');
    expect(paymentMethod.card).toMatchObject({ brand: 'mastercard', last4: '4444', funding: 'credit', country: 'US' });
    expect(paymentMethod.card!.exp_year).toBeGreaterThan(new Date().getUTCFullYear());
  });

  it('refuses card numbers that fail the checksum and expiry dates in the past', async () => {
    const stripe = sandboxStripe();
    const badNumber = await stripeError(() => cardFromNumber(stripe, '4242424242424241'));
    expect(badNumber).toMatchObject({ statusCode: 402, code: 'incorrect_number', param: 'number', message: 'Your card number is incorrect.' });
    const expired = await stripeError(() => stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2020 } }));
    expect(expired).toMatchObject({ statusCode: 402, code: 'invalid_expiry_year', param: 'exp_year' });
  });

  it('a real (non-test) card number is declined in test mode', async () => {
    const stripe = sandboxStripe();
    const real = await cardFromNumber(stripe, '4111111111111111');
    const error = await stripeError(() => payWith(stripe, real.id));
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined' });
    expect(error.message).toContain('used a non test (live) card');
  });
});
