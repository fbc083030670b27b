// Stripe errors → what a user is told: the one mapping, used by every action.
import Stripe from 'stripe';

export interface StripeErrorView {
  /** Safe and useful to show; otherwise the caller logs it and shows the generic message. */
  isExpected: boolean;
  code: string;
  message: string;
  /** The request parameter Stripe blamed, when it names one (e.g. "email"). */
  param?: string;
  requestId?: string;
}

const CODE_MESSAGES: Record<string, string> = {
  resource_missing: 'That no longer exists in Stripe. Reload the page.',
  email_invalid: 'Enter a valid email address.',
  amount_too_large: 'The amount is larger than Stripe allows.',
  amount_too_small: 'The amount is smaller than Stripe allows.',
  charge_already_refunded: 'This payment has already been refunded in full.',
  charge_disputed: 'This payment is disputed; respond to the dispute instead of refunding.',
  balance_insufficient: 'The Stripe balance is too low for this.',
  idempotency_key_in_use: 'This form is already being submitted; wait a moment.',
};

/** Describes a Stripe SDK error, or returns null when `error` did not come from Stripe. */
export function describeStripeError(error: unknown): StripeErrorView | null {
  if (!(error instanceof Stripe.errors.StripeError)) return null;
  const base = { requestId: error.requestId, param: error.param };
  const known = error.code ? CODE_MESSAGES[error.code] : undefined;
  if (error instanceof Stripe.errors.StripeCardError) {
    // Stripe words card errors for the person paying, so they can be shown as they are.
    return { ...base, isExpected: true, code: error.code ?? 'card_error', message: known ?? error.message };
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return {
      ...base,
      isExpected: true,
      code: 'idempotency_error',
      message: 'This form was already submitted with different details. Reload the page and try again.',
    };
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) {
    return { ...base, isExpected: true, code: 'rate_limited', message: 'Stripe is busy right now; nothing was changed. Try again in a moment.' };
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (known) return { ...base, isExpected: true, code: error.code ?? 'invalid_request', message: known };
    // A request Stripe rejected for a named parameter is about the user's input; anything else is our bug.
    if (error.param) return { ...base, isExpected: true, code: error.code ?? 'invalid_request', message: error.message };
  }
  return { ...base, isExpected: false, code: error.code ?? error.type, message: error.message };
}
