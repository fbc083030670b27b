// Stripe's refusals of dispute calls → ActionErrors in words, on the form's own fields where Stripe names one.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { disputeStatusLabel } from './dispute-view';

/** The dispute can no longer take evidence: said before Stripe is asked, so nothing changes. */
export function disputeNotOpen(status: string, verb: string): ActionError {
  const why = ['under_review', 'warning_under_review'].includes(status)
    ? 'its evidence has already been submitted'
    : `it is closed (${disputeStatusLabel(status).toLowerCase()})`;
  return new ActionError('conflict', `This dispute can't ${verb}: ${why}. Nothing was changed.`);
}

const fieldOf = (param: string | undefined): string | undefined => param?.match(/^evidence\[([a-z_]+)\]$/)?.[1];

export function toDisputeActionError(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return error;
  const field = fieldOf(error.param);
  if (error.code === 'resource_missing' && field) {
    const message = 'That file is not in Stripe (or not this account’s); upload it again.';
    return new ActionError('invalid_input', message, { [field]: message });
  }
  if (/already (been )?submitted|already closed/i.test(error.message)) {
    return new ActionError('conflict', 'Stripe says this dispute no longer takes evidence (submitted or closed). Reload the page; nothing was changed.');
  }
  if (/total size/i.test(error.message)) {
    return new ActionError('invalid_input', 'The evidence files together are larger than Stripe allows for one dispute (4.5 MB). Use smaller files.');
  }
  if (error.param === 'evidence' || field) {
    return new ActionError('invalid_input', error.message, field ? { [field]: error.message } : undefined);
  }
  return error;
}
