// Stripe's payment errors: wrong-state operations on PaymentIntents and card declines (402), with the
// objects Stripe embeds in them.
import type Stripe from 'stripe';
import { invalidRequest, StripeApiError } from '../http/stripe-error';
import type { Decline } from './test-cards';

export const unexpectedState = (message: string, paymentIntent?: Stripe.PaymentIntent) =>
  invalidRequest(message, { code: 'payment_intent_unexpected_state', extra: paymentIntent ? { payment_intent: paymentIntent } : {} });

const statusList = (statuses: readonly string[]) => statuses.join(', ');

/** "You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent…" */
export const cannotInStatus = (verb: 'cancel' | 'confirm', pastTense: string, paymentIntent: Stripe.PaymentIntent, allowed: readonly string[]) =>
  unexpectedState(
    `You cannot ${verb} this PaymentIntent because it has a status of ${paymentIntent.status}. Only a PaymentIntent with one of the following statuses may be ${pastTense}: ${statusList(allowed)}.`,
    paymentIntent,
  );

/** The `last_payment_error` / 402 body of a decline. */
export function declineError(decline: Decline, chargeId: string, paymentMethod: Stripe.PaymentMethod): Stripe.PaymentIntent.LastPaymentError {
  return {
    type: 'card_error',
    charge: chargeId,
    code: decline.code,
    decline_code: decline.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
    message: decline.message,
    ...(decline.param ? { param: decline.param } : {}),
    payment_method: paymentMethod,
  };
}

/** The 402 the confirming request answers with; the PaymentIntent (already stored) rides along. */
export function cardDeclined(decline: Decline, chargeId: string, paymentIntent: Stripe.PaymentIntent, paymentMethod: Stripe.PaymentMethod) {
  return new StripeApiError(402, {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    ...(decline.param ? { param: decline.param } : {}),
    extra: { charge: chargeId, payment_intent: paymentIntent, payment_method: paymentMethod },
  });
}

export const AUTHENTICATION_FAILED_MESSAGE =
  'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.';
