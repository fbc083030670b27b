// The PaymentIntent state machine for cards: confirm (approve, decline, or ask for 3-D Secure),
// finish 3-D Secure, capture (in full or in part), cancel; each step stores its objects and events.
import type Stripe from 'stripe';
import { behaviourOf, saveAttachment } from '../core/card-payment-methods';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { AUTHENTICATION_FAILED_MESSAGE, cannotInStatus, cardDeclined, declineError, unexpectedState } from '../core/payment-errors';
import type { Decline } from '../core/test-cards';
import { invalidRequest } from '../http/stripe-error';
import { publicBaseUrl } from '../hosted/public-url';
import { recordChargeTransaction } from './balance-transactions';
import { buildCharge, findCharge } from './charges';
import { settleConnectCharge } from './connect-charges';
import { openDispute } from './disputes';
import { nowSeconds } from '../store/ids';

type Intent = Stripe.PaymentIntent;

/** Stripe's decline for a card that needs 3-D Secure when the customer is not there to authenticate. */
const AUTHENTICATION_REQUIRED: Decline = {
  code: 'authentication_required',
  declineCode: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
  sellerMessage: 'The bank returned the decline code `authentication_required`.',
};

export const CONFIRMABLE = ['requires_confirmation', 'requires_payment_method', 'requires_action'] as const;
export const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'] as const;

const isOneOf = <T extends string>(value: string, list: readonly T[]): value is T => (list as readonly string[]).includes(value);

function save(source: EventSource, after: Intent): Intent {
  return source.account.put('payment_intent', after);
}

export interface ConfirmOptions {
  paymentMethod: Stripe.PaymentMethod;
  offSession: boolean;
  returnUrl: string | null;
  /** `error_on_requires_action`: fail instead of asking the customer to authenticate. */
  errorOnRequiresAction: boolean;
}

/** Refuses a confirmation Stripe would refuse; `intent` is the stored state before this request. */
export function checkConfirmable(intent: Intent): void {
  if (intent.status === 'succeeded') {
    throw unexpectedState('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', intent);
  }
  if (!isOneOf(intent.status, CONFIRMABLE)) throw cannotInStatus('confirm', 'confirmed', intent, CONFIRMABLE);
}

/** The 400 Stripe answers when automatic payment methods may redirect but nowhere to come back to was given. */
export function checkReturnUrl(intent: Intent, returnUrl: string | null): void {
  const automatic = intent.automatic_payment_methods;
  if (automatic?.enabled && automatic.allow_redirects !== 'never' && !returnUrl) {
    throw invalidRequest(
      "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
      { extra: { payment_intent: intent } },
    );
  }
}

/**
 * Runs a confirmation of `intent` (already carrying this request's confirm parameters) with a card:
 * approve, decline (stores everything, then throws the 402), or stop at `requires_action`.
 * `before` is the stored state the events' previous_attributes compare against.
 */
export function runConfirmation(source: EventSource, before: Intent, intent: Intent, options: ConfirmOptions): Intent {
  const { paymentMethod } = options;
  const behaviour = behaviourOf(paymentMethod);
  if (behaviour.kind === 'decline') return decline(source, before, intent, paymentMethod, behaviour.decline, false);
  if (behaviour.kind === 'authenticate') {
    const attempt = source.account.get('three_d_secure_attempt', intent.id);
    const authenticated = attempt?.status === 'authenticated' && attempt.payment_method === paymentMethod.id;
    if (authenticated) return authorize(source, before, intent, paymentMethod, true);
    // A card saved for later (attached to a customer) passes off-session when it only asks on setup.
    if (behaviour.when === 'unless_set_up' && options.offSession && paymentMethod.customer) {
      return authorize(source, before, intent, paymentMethod, false);
    }
    if (options.offSession || options.errorOnRequiresAction) return decline(source, before, intent, paymentMethod, AUTHENTICATION_REQUIRED, false);
    return requireAction(source, before, intent, paymentMethod, options.returnUrl);
  }
  return authorize(source, before, intent, paymentMethod, false);
}

export function threeDSecureUrl(intent: Intent): string {
  return `${publicBaseUrl()}/_sandbox/3ds/${intent.id}?client_secret=${encodeURIComponent(intent.client_secret ?? '')}`;
}

function requireAction(source: EventSource, before: Intent, intent: Intent, paymentMethod: Stripe.PaymentMethod, returnUrl: string | null): Intent {
  source.account.put('three_d_secure_attempt', {
    id: intent.id,
    object: 'three_d_secure_attempt',
    payment_method: paymentMethod.id,
    status: 'pending',
    return_url: returnUrl,
  });
  const url = threeDSecureUrl(intent);
  // Stripe redirects when the caller said where to come back to; otherwise Stripe.js handles it in-page.
  const nextAction: Stripe.PaymentIntent.NextAction = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { url, return_url: returnUrl } }
    : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: intent.id } };
  const after = save(source, {
    ...intent,
    status: 'requires_action',
    payment_method: paymentMethod.id,
    next_action: nextAction,
    last_payment_error: null,
  });
  recordEvent(source, 'payment_intent.requires_action', after, previousAttributes(before, after));
  return after;
}

function decline(
  source: EventSource,
  before: Intent,
  intent: Intent,
  paymentMethod: Stripe.PaymentMethod,
  refusal: Decline,
  threeDSecure: boolean,
): never {
  const riskLevel = refusal.blockedByRadar ? 'highest' : 'normal';
  const charge = source.account.put('charge', buildCharge({ paymentIntent: intent, paymentMethod, decline: refusal, riskLevel, threeDSecure }));
  recordEvent(source, 'charge.failed', charge);
  // Stripe clears payment_method after a failure; the card lives on in last_payment_error.
  const after = save(source, {
    ...intent,
    status: 'requires_payment_method',
    payment_method: null,
    latest_charge: charge.id,
    next_action: null,
    last_payment_error: declineError(refusal, charge.id, paymentMethod),
  });
  recordEvent(source, 'payment_intent.payment_failed', after, previousAttributes(before, after));
  throw cardDeclined(refusal, charge.id, after, paymentMethod);
}

function authorize(source: EventSource, before: Intent, intent: Intent, paymentMethod: Stripe.PaymentMethod, threeDSecure: boolean): Intent {
  const { account } = source;
  const behaviour = behaviourOf(paymentMethod);
  const succeed = behaviour.kind === 'succeed' ? behaviour : undefined;
  const built = buildCharge({ paymentIntent: intent, paymentMethod, riskLevel: succeed?.riskLevel ?? 'normal', threeDSecure });
  const manual = intent.capture_method === 'manual';
  let charge = built;
  if (!manual) {
    const transaction = recordChargeTransaction(account, built, built.amount, succeed?.bypassPending ?? false);
    charge = settleConnectCharge(source, intent, { ...built, captured: true, amount_captured: built.amount, balance_transaction: transaction.id });
  }
  account.put('charge', charge);
  recordEvent(source, 'charge.succeeded', charge);
  const after = save(source, {
    ...intent,
    status: manual ? 'requires_capture' : 'succeeded',
    amount_capturable: manual ? intent.amount : 0,
    amount_received: manual ? 0 : intent.amount,
    payment_method: paymentMethod.id,
    latest_charge: charge.id,
    next_action: null,
    last_payment_error: null,
  });
  recordEvent(source, manual ? 'payment_intent.amount_capturable_updated' : 'payment_intent.succeeded', after, previousAttributes(before, after));
  // The dispute test cards' charges succeed, then the network's dispute arrives (Stripe: shortly after).
  if (succeed?.dispute && !manual) openDispute(source, charge, succeed.dispute);
  if (intent.setup_future_usage && typeof intent.customer === 'string' && !paymentMethod.customer) {
    // Saving the card for later attaches it to the intent's customer once the payment goes through.
    saveAttachment(source, paymentMethod, intent.customer);
  }
  return after;
}

/** The customer finished (or failed) the sandbox's 3-D Secure page for `intent`. */
export function finishAuthentication(source: EventSource, intent: Intent, outcome: 'complete' | 'fail'): Intent {
  const { account } = source;
  const attempt = account.get('three_d_secure_attempt', intent.id);
  if (intent.status !== 'requires_action' || attempt?.status !== 'pending') {
    throw unexpectedState(`This PaymentIntent is not awaiting authentication: it has a status of ${intent.status}.`, intent);
  }
  const paymentMethod = account.get('payment_method', attempt.payment_method);
  if (!paymentMethod) throw unexpectedState('The PaymentMethod being authenticated no longer exists.', intent);
  account.put('three_d_secure_attempt', { ...attempt, status: outcome === 'complete' ? 'authenticated' : 'failed' });
  if (outcome === 'fail') {
    const after = save(source, {
      ...intent,
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_payment_error: {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
        message: AUTHENTICATION_FAILED_MESSAGE,
        payment_method: paymentMethod,
      },
    });
    recordEvent(source, 'payment_intent.payment_failed', after, previousAttributes(intent, after));
    return after;
  }
  // With manual confirmation the server confirms again after authentication (Stripe's documented flow).
  if (intent.confirmation_method === 'manual') {
    return save(source, { ...intent, status: 'requires_confirmation', next_action: null });
  }
  return authorize(source, intent, intent, paymentMethod, true);
}

export interface CaptureOptions {
  amountToCapture?: number;
  applicationFeeAmount?: number;
  metadata: Stripe.Metadata;
}

export function captureIntent(source: EventSource, before: Intent, options: CaptureOptions): Intent {
  const { account } = source;
  if (before.status === 'succeeded') throw unexpectedState('This PaymentIntent could not be captured because it has already been captured.', before);
  if (before.status !== 'requires_capture') {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${before.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      before,
    );
  }
  const amount = options.amountToCapture ?? before.amount_capturable;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount_to_capture' });
  if (amount > before.amount_capturable) {
    throw invalidRequest(
      `The amount_to_capture (${amount}) cannot be greater than the amount_capturable (${before.amount_capturable}) of this PaymentIntent.`,
      { code: 'amount_too_large', param: 'amount_to_capture' },
    );
  }
  if (typeof before.latest_charge !== 'string') throw unexpectedState('This PaymentIntent has no charge to capture.', before);
  const chargeBefore = findCharge(account, before.latest_charge);
  const transaction = recordChargeTransaction(account, chargeBefore, amount, false);
  // Capturing less releases the rest of the authorisation; Stripe reports the released part as refunded.
  const chargeAfter = account.put(
    'charge',
    settleConnectCharge(source, before, {
      ...chargeBefore,
      captured: true,
      amount_captured: amount,
      amount_refunded: chargeBefore.amount - amount,
      balance_transaction: transaction.id,
      application_fee_amount: options.applicationFeeAmount ?? chargeBefore.application_fee_amount,
    }),
  );
  recordEvent(source, 'charge.captured', chargeAfter, previousAttributes(chargeBefore, chargeAfter));
  const after = save(source, {
    ...before,
    status: 'succeeded',
    amount_capturable: 0,
    amount_received: amount,
    application_fee_amount: options.applicationFeeAmount ?? before.application_fee_amount,
    metadata: options.metadata,
  });
  recordEvent(source, 'payment_intent.succeeded', after, previousAttributes(before, after));
  return after;
}

export function cancelIntent(source: EventSource, before: Intent, reason: Stripe.PaymentIntent.CancellationReason | null): Intent {
  const { account } = source;
  if (!isOneOf(before.status, CANCELABLE)) throw cannotInStatus('cancel', 'canceled', before, CANCELABLE);
  if (before.status === 'requires_capture' && typeof before.latest_charge === 'string') {
    // Documented: canceling an uncaptured intent refunds the remaining amount_capturable.
    const chargeBefore = findCharge(account, before.latest_charge);
    const chargeAfter = account.put('charge', { ...chargeBefore, amount_refunded: chargeBefore.amount, refunded: true });
    recordEvent(source, 'charge.refunded', chargeAfter, previousAttributes(chargeBefore, chargeAfter));
  }
  const after = save(source, {
    ...before,
    status: 'canceled',
    canceled_at: nowSeconds(),
    cancellation_reason: reason,
    amount_capturable: 0,
    next_action: null,
  });
  recordEvent(source, 'payment_intent.canceled', after, previousAttributes(before, after));
  return after;
}
