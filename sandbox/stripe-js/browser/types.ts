// The shapes the stand-in hands to merchant code: Stripe.js result objects and its error object.
import type Stripe from 'stripe';

export type PaymentIntent = Stripe.PaymentIntent;
export type SetupIntent = Stripe.SetupIntent;
export type PaymentMethod = Stripe.PaymentMethod;
export type Intent = PaymentIntent | SetupIntent;

/** Stripe.js's error: the API error's fields, or a client-side `validation_error`. */
export interface StripeJsError {
  type: 'card_error' | 'validation_error' | 'invalid_request_error' | 'api_error' | 'api_connection_error' | 'authentication_error' | 'rate_limit_error' | 'idempotency_error';
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
  doc_url?: string;
  payment_intent?: PaymentIntent;
  setup_intent?: SetupIntent;
  payment_method?: PaymentMethod;
}

/** Loose option bags as merchant code passes them (Stripe.js validates them at run time too). */
export type Options = Record<string, unknown>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What Stripe.js throws (rather than resolves) for mistakes in the integration itself. */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
}

/** An options argument as an object (Stripe.js treats anything else as no options). */
export const readOptions = (value: unknown): Options => (isRecord(value) ? value : {});
