// Submit: sends the form's evidence to the bank through Stripe (`submit: true`). Irreversible, so it runs once per
// dispute: a replayed form replays Stripe's first answer, any other form finds the dispute no longer open.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import type { EvidenceInput } from './dispute-input';
import { disputeNotOpen, toDisputeActionError } from './dispute-errors';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { toDisputeView, type DisputeView } from './dispute-view';
import { isOpenDispute } from './due-urgency';
import { evidenceParams } from './evidence-update';
import { projectDisputeResponse } from './project-dispute-response';

export interface SubmitDisputeEvidenceOptions {
  disputeId: string;
  evidence: EvidenceInput;
  idempotencyNonce: string;
  actor: SessionUser;
}

type DisputeActionDb = Pick<Db, 'auditEntry' | 'stripeDispute'>;

export async function submitDisputeEvidence(options: SubmitDisputeEvidenceOptions, dependencies: { stripe?: Stripe; db?: DisputeActionDb } = {}): Promise<DisputeView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'submit-dispute-evidence';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.disputeId, actor: options.actor, nonce: options.idempotencyNonce });

  // Stripe's state, not the projection's: another user may have submitted or closed it a moment ago.
  const current = await stripe.disputes.retrieve(options.disputeId);
  if (!(await isReplayedSubmission(action, idempotencyKey, db)) && !isOpenDispute(current.status)) {
    // Unless it was this very form, sent before, whose answer was lost: then Stripe replays that submission.
    const isLostAnswer = await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['charge.dispute.updated'], since: current.created });
    if (!isLostAnswer) throw disputeNotOpen(current.status, 'be submitted');
  }
  const evidence = evidenceParams(options.evidence);
  const submitted = await stripe.disputes
    .update(options.disputeId, { evidence, submit: true }, { idempotencyKey })
    .catch((error: unknown) => Promise.reject(toDisputeActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: submitted.id,
      amount: submitted.amount,
      currency: submitted.currency,
      stripeRequestId: submitted.lastResponse.requestId,
      idempotencyKey,
      detail: { reason: submitted.reason, fields: Object.keys(evidence) },
    },
    db,
  );
  await projectDisputeResponse(submitted, db);
  return toDisputeView(submitted);
}
