// Stripe's refusals of payment calls → ActionErrors naming the form's own fields, in words, never raw.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { formatMinorAmount } from '@/lib/money';
import { describePaymentFailure, explainPaymentFailure } from './explain-decline';

const STATUS_WORDS: Record<string, string> = {
  requires_payment_method: 'waiting for a payment method',
  requires_confirmation: 'waiting to be confirmed',
  requires_action: 'waiting for the customer to authenticate',
  processing: 'processing',
  requires_capture: 'authorized and waiting to be captured',
  succeeded: 'already paid',
  canceled: 'canceled',
};

export function describeStatus(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

/** The payment is in a state that does not allow `verb`: said before Stripe is asked, so nothing changes. */
export function wrongState(verb: string, status: string): ActionError {
  return new ActionError('conflict', `This payment can't be ${verb}: it is ${describeStatus(status)}. Reload the page to see where it stands.`);
}

export function amountError(message: string): ActionError {
  return new ActionError('invalid_input', message, { amount: message });
}

export function aboveAvailable(what: string, available: number, currency: string): ActionError {
  return amountError(`At most ${formatMinorAmount(available, currency)} can be ${what}.`);
}

/**
 * Rethrows a Stripe error as an ActionError the form can place: card declines explained in words, amount
 * parameters on the amount field, state conflicts as such. Anything else goes on to the generic mapping.
 */
export function toPaymentActionError(error: unknown): unknown {
  if (error instanceof Stripe.errors.StripeCardError) {
    const failure = explainPaymentFailure({ message: error.message, code: error.code, decline_code: error.decline_code });
    return new ActionError(error.code ?? 'card_declined', describePaymentFailure(failure));
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === 'payment_intent_unexpected_state') {
      const status = (error.raw as { payment_intent?: { status?: string } } | undefined)?.payment_intent?.status;
      return new ActionError('conflict', status ? `Stripe refused: the payment is ${describeStatus(status)}. Reload the page.` : 'Stripe refused this in the payment’s current state. Reload the page.');
    }
    if (error.param === 'amount' || error.param === 'amount_to_capture') return amountError(error.message);
  }
  return error;
}
