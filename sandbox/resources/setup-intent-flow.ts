// The SetupIntent state machine for cards: confirm (set up, decline, or ask for 3-D Secure), finish
// 3-D Secure, cancel; each confirmation leaves one SetupAttempt, and success saves the card to the customer.
import type Stripe from 'stripe';
import { behaviourOf, saveAttachment } from '../core/card-payment-methods';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import type { Decline } from '../core/test-cards';
import { invalidRequest, StripeApiError } from '../http/stripe-error';
import { publicBaseUrl } from '../hosted/public-url';
import { newId, nowSeconds } from '../store/ids';

type SetupIntent = Stripe.SetupIntent;

export const SETUP_CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'] as const;
export const SETUP_CANCELABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'] as const;

const isOneOf = <T extends string>(value: string, list: readonly T[]): value is T => (list as readonly string[]).includes(value);

export const setupUnexpectedState = (message: string, setupIntent: SetupIntent) =>
  invalidRequest(message, { code: 'setup_intent_unexpected_state', extra: { setup_intent: setupIntent } });

/** "You cannot cancel this SetupIntent because it has a status of succeeded. Only a SetupIntent…" */
const cannotInStatus = (verb: 'cancel' | 'confirm', pastTense: string, setupIntent: SetupIntent, allowed: readonly string[]) =>
  setupUnexpectedState(
    `You cannot ${verb} this SetupIntent because it has a status of ${setupIntent.status}. Only a SetupIntent with one of the following statuses may be ${pastTense}: ${allowed.join(', ')}.`,
    setupIntent,
  );

export const SETUP_AUTHENTICATION_FAILED_MESSAGE =
  'The latest attempt to set up the payment method has failed because authentication failed.';

export function checkSetupConfirmable(intent: SetupIntent): void {
  if (intent.status === 'succeeded') {
    throw setupUnexpectedState('You cannot confirm this SetupIntent because it has already succeeded after being previously confirmed.', intent);
  }
  if (!isOneOf(intent.status, SETUP_CONFIRMABLE)) throw cannotInStatus('confirm', 'confirmed', intent, SETUP_CONFIRMABLE);
}

/** The same 400 as PaymentIntents: automatic payment methods may redirect, so a return_url is needed. */
export function checkSetupReturnUrl(intent: SetupIntent, returnUrl: string | null): void {
  const automatic = intent.automatic_payment_methods;
  if (automatic?.enabled && automatic.allow_redirects !== 'never' && !returnUrl) {
    throw invalidRequest(
      "This SetupIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
      { extra: { setup_intent: intent } },
    );
  }
}

function save(source: EventSource, after: SetupIntent): SetupIntent {
  return source.account.put('setup_intent', after);
}

function cardDetails(paymentMethod: Stripe.PaymentMethod, authenticated: boolean): Stripe.SetupAttempt.PaymentMethodDetails {
  const card = paymentMethod.card;
  return {
    type: 'card',
    card: {
      brand: card?.brand ?? null,
      checks: card?.checks ?? null,
      country: card?.country ?? null,
      exp_month: card?.exp_month ?? null,
      exp_year: card?.exp_year ?? null,
      fingerprint: card?.fingerprint ?? null,
      funding: card?.funding ?? null,
      last4: card?.last4 ?? null,
      network: card?.brand ?? null,
      three_d_secure: authenticated
        ? { authentication_flow: 'challenge', electronic_commerce_indicator: '05', result: 'authenticated', result_reason: null, transaction_id: null, version: '2.2.0' }
        : null,
      wallet: null,
    },
  };
}

type AttemptStatus = 'requires_action' | 'succeeded' | 'failed';

function recordAttempt(source: EventSource, intent: SetupIntent, paymentMethod: Stripe.PaymentMethod, status: AttemptStatus, setupError: Stripe.SetupAttempt.SetupError | null): Stripe.SetupAttempt {
  return source.account.put('setup_attempt', {
    id: newId('setatt'),
    object: 'setup_attempt',
    application: null,
    created: nowSeconds(),
    customer: intent.customer,
    customer_account: null,
    flow_directions: null,
    livemode: false,
    on_behalf_of: intent.on_behalf_of,
    payment_method: paymentMethod.id,
    payment_method_details: cardDetails(paymentMethod, false),
    setup_error: setupError,
    setup_intent: intent.id,
    status,
    usage: intent.usage,
  });
}

function declineError(decline: Decline, paymentMethod: Stripe.PaymentMethod): Stripe.SetupIntent.LastSetupError {
  return {
    type: 'card_error',
    code: decline.code as Stripe.SetupIntent.LastSetupError.Code,
    decline_code: decline.declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, '-')}`,
    message: decline.message,
    ...(decline.param ? { param: decline.param } : {}),
    payment_method: paymentMethod,
  };
}

export interface SetupConfirmOptions {
  paymentMethod: Stripe.PaymentMethod;
  returnUrl: string | null;
}

/**
 * Confirms `intent` (already carrying this request's parameters) with a card. `before` is the stored
 * state the events compare against. A decline stores everything, then throws the 402.
 */
export function runSetup(source: EventSource, before: SetupIntent, intent: SetupIntent, options: SetupConfirmOptions): SetupIntent {
  const { paymentMethod } = options;
  const behaviour = behaviourOf(paymentMethod);
  // Cards that decline only charges (attachFails false) can still be saved, as Stripe documents.
  if (behaviour.kind === 'decline' && behaviour.attachFails) return decline(source, before, intent, paymentMethod, behaviour.decline);
  if (behaviour.kind === 'authenticate') {
    const attempt = source.account.get('three_d_secure_attempt', intent.id);
    const authenticated = attempt?.status === 'authenticated' && attempt.payment_method === paymentMethod.id;
    if (!authenticated) return requireAction(source, before, intent, paymentMethod, options.returnUrl);
  }
  const setupAttempt = recordAttempt(source, intent, paymentMethod, 'succeeded', null);
  return succeed(source, before, intent, paymentMethod, setupAttempt);
}

export function threeDSecureSetupUrl(intent: SetupIntent): string {
  return `${publicBaseUrl()}/_sandbox/3ds/${intent.id}?client_secret=${encodeURIComponent(intent.client_secret ?? '')}`;
}

function requireAction(source: EventSource, before: SetupIntent, intent: SetupIntent, paymentMethod: Stripe.PaymentMethod, returnUrl: string | null): SetupIntent {
  source.account.put('three_d_secure_attempt', { id: intent.id, object: 'three_d_secure_attempt', payment_method: paymentMethod.id, status: 'pending', return_url: returnUrl });
  const setupAttempt = recordAttempt(source, intent, paymentMethod, 'requires_action', null);
  const url = threeDSecureSetupUrl(intent);
  const nextAction: Stripe.SetupIntent.NextAction = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { url, return_url: returnUrl } }
    : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: intent.id } };
  const after = save(source, {
    ...intent,
    status: 'requires_action',
    payment_method: paymentMethod.id,
    latest_attempt: setupAttempt.id,
    next_action: nextAction,
    last_setup_error: null,
  });
  recordEvent(source, 'setup_intent.requires_action', after, previousAttributes(before, after));
  return after;
}

function decline(source: EventSource, before: SetupIntent, intent: SetupIntent, paymentMethod: Stripe.PaymentMethod, refusal: Decline): never {
  const error = declineError(refusal, paymentMethod);
  const setupAttempt = recordAttempt(source, intent, paymentMethod, 'failed', error);
  // As with PaymentIntents, the failed card lives on only in last_setup_error.
  const after = save(source, {
    ...intent,
    status: 'requires_payment_method',
    payment_method: null,
    latest_attempt: setupAttempt.id,
    next_action: null,
    last_setup_error: error,
  });
  recordEvent(source, 'setup_intent.setup_failed', after, previousAttributes(before, after));
  throw new StripeApiError(402, {
    type: 'card_error',
    code: refusal.code,
    decline_code: refusal.declineCode,
    message: refusal.message,
    ...(refusal.param ? { param: refusal.param } : {}),
    extra: { setup_intent: after, payment_method: paymentMethod },
  });
}

function succeed(source: EventSource, before: SetupIntent, intent: SetupIntent, paymentMethod: Stripe.PaymentMethod, setupAttempt: Stripe.SetupAttempt): SetupIntent {
  const after = save(source, {
    ...intent,
    status: 'succeeded',
    payment_method: paymentMethod.id,
    latest_attempt: setupAttempt.id,
    next_action: null,
    last_setup_error: null,
  });
  // Stripe attaches the set-up card to the intent's customer.
  if (typeof intent.customer === 'string' && paymentMethod.customer !== intent.customer) {
    saveAttachment(source, paymentMethod, intent.customer);
  }
  recordEvent(source, 'setup_intent.succeeded', after, previousAttributes(before, after));
  return after;
}

/** The customer finished (or failed) the sandbox's 3-D Secure page for a SetupIntent. */
export function finishSetupAuthentication(source: EventSource, intent: SetupIntent, outcome: 'complete' | 'fail'): SetupIntent {
  const { account } = source;
  const attempt = account.get('three_d_secure_attempt', intent.id);
  if (intent.status !== 'requires_action' || attempt?.status !== 'pending') {
    throw setupUnexpectedState(`This SetupIntent is not awaiting authentication: it has a status of ${intent.status}.`, intent);
  }
  const paymentMethod = account.get('payment_method', attempt.payment_method);
  if (!paymentMethod) throw setupUnexpectedState('The PaymentMethod being authenticated no longer exists.', intent);
  account.put('three_d_secure_attempt', { ...attempt, status: outcome === 'complete' ? 'authenticated' : 'failed' });
  const latest = typeof intent.latest_attempt === 'string' ? account.get('setup_attempt', intent.latest_attempt) : undefined;
  if (outcome === 'fail') {
    const error: Stripe.SetupIntent.LastSetupError = {
      type: 'invalid_request_error',
      code: 'setup_intent_authentication_failure',
      doc_url: 'https://stripe.com/docs/error-codes/setup-intent-authentication-failure',
      message: SETUP_AUTHENTICATION_FAILED_MESSAGE,
      payment_method: paymentMethod,
    };
    if (latest) account.put('setup_attempt', { ...latest, status: 'failed', setup_error: error });
    const after = save(source, { ...intent, status: 'requires_payment_method', payment_method: null, next_action: null, last_setup_error: error });
    recordEvent(source, 'setup_intent.setup_failed', after, previousAttributes(intent, after));
    return after;
  }
  const setupAttempt = latest
    ? account.put('setup_attempt', { ...latest, status: 'succeeded', payment_method_details: cardDetails(paymentMethod, true) })
    : recordAttempt(source, intent, paymentMethod, 'succeeded', null);
  return succeed(source, intent, intent, paymentMethod, setupAttempt);
}

export function cancelSetupIntent(source: EventSource, before: SetupIntent, reason: SetupIntent['cancellation_reason']): SetupIntent {
  if (!isOneOf(before.status, SETUP_CANCELABLE)) throw cannotInStatus('cancel', 'canceled', before, SETUP_CANCELABLE);
  const after = save(source, { ...before, status: 'canceled', cancellation_reason: reason, next_action: null });
  recordEvent(source, 'setup_intent.canceled', after, previousAttributes(before, after));
  return after;
}
