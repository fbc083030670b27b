// charge.dispute.* (the object is a Dispute, not a Charge) → the StripeDispute projection.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

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
const rankOf = (status: string, submissionCount: number): number[] => [STATUS_RANK[status] ?? 0, submissionCount];

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

/** Another event of the same second wrote the stored row: the payloads cannot be ordered, so re-read. */
export async function isDisputeTie(event: DisputeEvent, db: ProjectionDb): Promise<boolean> {
  const stored = await db.stripeDispute.findUnique({ where: { id: event.data.object.id }, select: { updatedFromEventCreated: true, updatedFromEventId: true } });
  return stored !== null && stored.updatedFromEventId !== null && stored.updatedFromEventId !== event.id && stored.updatedFromEventCreated === event.created;
}

export async function applyDisputeEvent(
  event: DisputeEvent,
  db: ProjectionDb,
  /** Stripe's current dispute, read because this event tied with the stored one */
  current?: Stripe.Dispute,
): Promise<ProjectionResult> {
  const dispute = current ?? event.data.object;
  const stored = await db.stripeDispute.findUnique({ where: { id: dispute.id }, select: { updatedFromEventCreated: true, status: true, submissionCount: true } });
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(dispute.status, dispute.evidence_details?.submission_count ?? 0) };
  const isOlder = current
    ? stored !== null && event.created < stored.updatedFromEventCreated
    : stored !== null && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status, stored.submissionCount) });
  if (isOlder) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  const data = { ...disputeRow(dispute), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.stripeDispute.create({ data: { id: dispute.id, ...data } });
    return { outcome: 'applied' };
  }
  const note = current ? 're-read from Stripe: another change in the same second' : undefined;
  const { count } = await db.stripeDispute.updateMany({ where: { id: dispute.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied', note } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
