// Accept the loss: closes the dispute (Stripe marks it lost; an inquiry closes). Irreversible, once per dispute.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { disputeNotOpen, toDisputeActionError } from './dispute-errors';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { toDisputeView, type DisputeView } from './dispute-view';
import { isOpenDispute } from './due-urgency';
import { projectDisputeResponse } from './project-dispute-response';

export interface AcceptDisputeLossOptions {
  disputeId: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

type DisputeActionDb = Pick<Db, 'auditEntry' | 'stripeDispute'>;

export async function acceptDisputeLoss(options: AcceptDisputeLossOptions, dependencies: { stripe?: Stripe; db?: DisputeActionDb } = {}): Promise<DisputeView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'accept-dispute-loss';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.disputeId, actor: options.actor, nonce: options.idempotencyNonce });

  const current = await stripe.disputes.retrieve(options.disputeId);
  // Once evidence is with the bank, the bank decides; only a dispute still waiting for a response is given up.
  if (!(await isReplayedSubmission(action, idempotencyKey, db)) && !isOpenDispute(current.status)) {
    // Unless it was this very form, sent before, whose answer was lost: then Stripe replays that close.
    const isLostAnswer = await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['charge.dispute.closed'], since: current.created });
    if (!isLostAnswer) throw disputeNotOpen(current.status, 'be accepted as lost');
  }
  const closed = await stripe.disputes.close(options.disputeId, {}, { idempotencyKey }).catch((error: unknown) => Promise.reject(toDisputeActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: closed.id,
      amount: closed.amount,
      currency: closed.currency,
      stripeRequestId: closed.lastResponse.requestId,
      idempotencyKey,
      detail: { reason: closed.reason, status: closed.status },
    },
    db,
  );
  await projectDisputeResponse(closed, db);
  return toDisputeView(closed);
}
