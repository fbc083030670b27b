// What a publishable key (pk_test_…) may call: the requests Stripe.js makes, intents only with their client_secret.
import type { FormObject } from './form-value';
import type { ApiResponse } from './route';
import { invalidRequest, parameterMissing, StripeApiError } from './stripe-error';

interface IntentRule {
  /** Stripe's name for the object in the mismatch message. */
  noun: 'PaymentIntent' | 'SetupIntent';
  code: 'payment_intent_invalid_parameter' | 'setup_intent_invalid_parameter';
}

const PAYMENT_INTENT: IntentRule = { noun: 'PaymentIntent', code: 'payment_intent_invalid_parameter' };
const SETUP_INTENT: IntentRule = { noun: 'SetupIntent', code: 'setup_intent_invalid_parameter' };

/** Operations bound to one intent: the caller proves it may act on it with the intent's client_secret. */
const INTENT_OPERATIONS: Record<string, IntentRule> = {
  'GET /v1/payment_intents/{intent}': PAYMENT_INTENT,
  'POST /v1/payment_intents/{intent}/confirm': PAYMENT_INTENT,
  'GET /v1/setup_intents/{intent}': SETUP_INTENT,
  'POST /v1/setup_intents/{intent}/confirm': SETUP_INTENT,
};

/** Operations a publishable key may call without a client_secret (they only create new objects). */
const OPEN_OPERATIONS = new Set(['POST /v1/payment_methods', 'POST /v1/tokens']);

export const publishableKeyNotAllowed = () =>
  new StripeApiError(401, {
    type: 'invalid_request_error',
    message:
      'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
  });

export interface PublishableRequest {
  /** The matched operation, e.g. `POST /v1/payment_intents/{intent}/confirm`. */
  operation: string;
  pathParams: Record<string, string>;
  params: FormObject;
  /** The intent's stored client_secret, or undefined when no such intent exists (the handler then 404s). */
  storedClientSecret: (objectType: 'payment_intent' | 'setup_intent', id: string) => string | null | undefined;
}

/** Throws Stripe's error unless a publishable key may make this request. */
export function assertPublishableAllowed({ operation, pathParams, params, storedClientSecret }: PublishableRequest): void {
  if (OPEN_OPERATIONS.has(operation)) return;
  const rule = INTENT_OPERATIONS[operation];
  if (!rule) throw publishableKeyNotAllowed();
  const given = params.client_secret;
  if (given === undefined || given === '') throw parameterMissing('client_secret');
  const id = pathParams.intent ?? '';
  const stored = storedClientSecret(rule === PAYMENT_INTENT ? 'payment_intent' : 'setup_intent', id);
  // A secret always starts with its intent's id; a missing intent is left to the handler's 404.
  const matches = typeof given === 'string' && given.startsWith(`${id}_secret_`) && (stored === undefined || given === stored);
  if (!matches) {
    throw invalidRequest(`The client_secret provided does not match the client_secret associated with the ${rule.noun}.`, {
      code: rule.code,
      param: 'client_secret',
    });
  }
}

/**
 * Fields a publishable key may read, per object type ("retrievable with publishable key" in Stripe's
 * reference, the same set @stripe/stripe-js types): customer, metadata, amounts received, etc. stay hidden.
 */
const PUBLISHABLE_FIELDS: Record<string, ReadonlySet<string>> = {
  payment_intent: new Set([
    'id', 'object', 'amount', 'automatic_payment_methods', 'canceled_at', 'cancellation_reason', 'capture_method', 'client_secret',
    'confirmation_method', 'created', 'currency', 'description', 'last_payment_error', 'livemode', 'next_action', 'payment_method',
    'payment_method_types', 'processing', 'receipt_email', 'setup_future_usage', 'shipping', 'status',
  ]),
  setup_intent: new Set([
    'id', 'object', 'cancellation_reason', 'client_secret', 'created', 'description', 'last_setup_error', 'livemode', 'next_action',
    'payment_method', 'payment_method_types', 'status', 'usage',
  ]),
};

/** What a publishable-key caller sees of a response: intents reduced to their publishable fields. */
export function publishableView(response: ApiResponse): ApiResponse {
  const fields = PUBLISHABLE_FIELDS[response.object];
  if (!fields) return response;
  return { ...Object.fromEntries(Object.entries(response).filter(([key]) => fields.has(key))), object: response.object };
}

/** An error body for a publishable-key caller: the intent it carries (declines do) reduced the same way. */
export function publishableErrorView(body: { error: Record<string, unknown> }): { error: Record<string, unknown> } {
  const error = { ...body.error };
  for (const field of ['payment_intent', 'setup_intent']) {
    const value = error[field];
    if (typeof value === 'object' && value !== null && 'object' in value && typeof value.object === 'string') {
      error[field] = publishableView({ ...value, object: value.object });
    }
  }
  return { error };
}
