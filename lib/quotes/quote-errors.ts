// Quote refusals in words: said before Stripe is asked (so nothing changes), or Stripe's own refusal mapped.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { describeQuoteStatus, type QuoteTransition } from './quote-view';

const VERBS: Record<QuoteTransition, string> = { finalize: 'finalized', accept: 'accepted', cancel: 'canceled' };
const HINTS: Partial<Record<string, string>> = { 'accept:draft': ' Finalize it first.' };

export function quoteWrongState(transition: QuoteTransition, status: string): ActionError {
  const hint = HINTS[`${transition}:${status}`] ?? '';
  return new ActionError('conflict', `This quote can't be ${VERBS[transition]}: it is ${describeQuoteStatus(status)}.${hint} Nothing was changed.`);
}

/** Stripe refused a transition because of the quote's state (someone else moved it meanwhile): say so plainly. */
export function toQuoteActionError(error: unknown, transition: QuoteTransition): unknown {
  if (error instanceof Stripe.errors.StripeInvalidRequestError && !error.param && /status/i.test(error.message)) {
    return new ActionError('conflict', `Stripe refused: this quote can't be ${VERBS[transition]} in its current state. Reload the page. Nothing was changed.`);
  }
  return error;
}
