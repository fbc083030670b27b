// Finalize, accept or cancel a quote: once per submitted form, refused with nothing changed when its status
// does not allow it. The shared body of finalize-quote.ts, accept-quote.ts and cancel-quote.ts.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { quoteWrongState, toQuoteActionError } from './quote-errors';
import { canTransition, type QuoteTransition } from './quote-view';

export interface QuoteTransitionOptions {
  quoteId: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

export interface QuoteTransitionResult {
  id: string;
  status: string;
}

const ACTIONS: Record<QuoteTransition, 'finalize-quote' | 'accept-quote' | 'cancel-quote'> = { finalize: 'finalize-quote', accept: 'accept-quote', cancel: 'cancel-quote' };
/** The event each transition makes, which names the request's idempotency key. */
const EVENTS: Record<QuoteTransition, string> = { finalize: 'quote.finalized', accept: 'quote.accepted', cancel: 'quote.canceled' };

function call(stripe: Stripe, transition: QuoteTransition, quoteId: string, idempotencyKey: string) {
  switch (transition) {
    case 'finalize':
      return stripe.quotes.finalizeQuote(quoteId, {}, { idempotencyKey });
    case 'accept':
      return stripe.quotes.accept(quoteId, {}, { idempotencyKey });
    case 'cancel':
      return stripe.quotes.cancel(quoteId, {}, { idempotencyKey });
  }
}

export async function transitionQuote(
  transition: QuoteTransition,
  options: QuoteTransitionOptions,
  dependencies: { stripe: Stripe; db: Pick<Db, 'auditEntry'> },
): Promise<QuoteTransitionResult> {
  const { stripe, db } = dependencies;
  const action = ACTIONS[transition];
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.quoteId, actor: options.actor, nonce: options.idempotencyNonce });
  // Stripe's current status, not the projection's: a webhook may still be on its way.
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    const current = await stripe.quotes.retrieve(options.quoteId);
    // Unless it was this very form, sent before, whose answer was lost: then Stripe replays that transition.
    if (!canTransition(transition, current.status) && !(await isLostAnswerSubmission(stripe, { idempotencyKey, types: [EVENTS[transition]], since: current.created }))) {
      throw quoteWrongState(transition, current.status);
    }
  }
  const quote = await call(stripe, transition, options.quoteId, idempotencyKey).catch((error: unknown) => Promise.reject(toQuoteActionError(error, transition)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: quote.id,
      amount: transition === 'accept' ? quote.amount_total : undefined,
      currency: transition === 'accept' ? (quote.currency ?? undefined) : undefined,
      stripeRequestId: quote.lastResponse.requestId,
      idempotencyKey,
      detail: { status: quote.status, invoice: typeof quote.invoice === 'string' ? quote.invoice : (quote.invoice?.id ?? null) },
    },
    db,
  );
  return { id: quote.id, status: quote.status };
}
