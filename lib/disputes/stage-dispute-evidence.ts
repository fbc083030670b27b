// Save draft: stages evidence on a dispute without submitting it (`submit: false`), once per submitted form.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import type { EvidenceInput } from './dispute-input';
import { disputeNotOpen, toDisputeActionError } from './dispute-errors';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { toDisputeView, type DisputeView } from './dispute-view';
import { isOpenDispute } from './due-urgency';
import { evidenceParams } from './evidence-update';
import { projectDisputeResponse } from './project-dispute-response';

export interface StageDisputeEvidenceOptions {
  disputeId: string;
  evidence: EvidenceInput;
  idempotencyNonce: string;
  actor: SessionUser;
}

type DisputeActionDb = Pick<Db, 'auditEntry' | 'stripeDispute'>;

export async function stageDisputeEvidence(options: StageDisputeEvidenceOptions, dependencies: { stripe?: Stripe; db?: DisputeActionDb } = {}): Promise<DisputeView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'stage-dispute-evidence';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.disputeId, actor: options.actor, nonce: options.idempotencyNonce });

  const current = await stripe.disputes.retrieve(options.disputeId);
  const isReplay = await isReplayedSubmission(action, idempotencyKey, db);
  if (!isReplay && !isOpenDispute(current.status)) throw disputeNotOpen(current.status, 'take evidence');
  const evidence = evidenceParams(options.evidence);
  const updated = await stripe.disputes
    .update(options.disputeId, { evidence, submit: false }, { idempotencyKey })
    .catch((error: unknown) => Promise.reject(toDisputeActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: updated.id,
      stripeRequestId: updated.lastResponse.requestId,
      idempotencyKey,
      detail: { submit: false, fields: Object.keys(evidence) },
    },
    db,
  );
  await projectDisputeResponse(updated, db);
  return toDisputeView(updated);
}
