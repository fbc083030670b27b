// charge.dispute.* (the object is a Dispute, not a Charge) → the StripeDispute projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const DISPUTE_EVENT_TYPES = [
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'charge.dispute.closed',
] as const;
export type DisputeEvent = Extract<Stripe.Event, { type: (typeof DISPUTE_EVENT_TYPES)[number] }>;

// Open → submitted → closed, and submissions only grow; within one rank, the re-read (or arrival order) decides.
const STATUS_RANK: Record<string, number> = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  warning_closed: 2,
  won: 2,
  lost: 2,
  prevented: 2,
};

/** The projection row for a dispute as Stripe describes it. */
export function disputeRow(dispute: Stripe.Dispute) {
  return {
    status: dispute.status,
    reason: dispute.reason,
    amount: dispute.amount,
    currency: dispute.currency,
    chargeId: idOf(dispute.charge) ?? '',
    paymentIntentId: idOf(dispute.payment_intent),
    evidenceDueBy: dispute.evidence_details?.due_by ?? null,
    hasEvidence: dispute.evidence_details?.has_evidence ?? false,
    submissionCount: dispute.evidence_details?.submission_count ?? 0,
    created: dispute.created,
    raw: JSON.stringify(dispute),
  };
}


const disputeRowSchema = webhookRowSchema({
  status: z.string(),
  reason: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  chargeId: z.string(),
  paymentIntentId: z.string().nullable(),
  evidenceDueBy: z.number().int().nullable(),
  hasEvidence: z.boolean(),
  submissionCount: z.number().int(),
});

export function planDisputeEvent(
  event: DisputeEvent,
  /** Stripe's current dispute, read because this event tied with the stored one */
  current?: Stripe.Dispute,
): ProjectionPlan {
  const dispute = current ?? event.data.object;
  return {
    row: {
      table: 'StripeDispute',
      id: dispute.id,
      schema: disputeRowSchema,
      columns: { ...disputeRow(dispute), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      // A fresh read is the newest state there is, so within the event's second it needs no rank.
      sameSecondRank: current ? undefined : [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }, { column: 'submissionCount' }],
    },
    appliedNote: current ? 're-read from Stripe: another change in the same second' : undefined,
  };
}
