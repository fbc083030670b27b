// Puts what a dispute action's own Stripe response showed into the projection at once, marked as not yet
// confirmed (source api_response, no event id) until its charge.dispute.* webhook arrives and replaces it.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { disputeRow } from '@/lib/webhooks/handlers/dispute-events';
import { isUniqueViolation } from '@/lib/db/unique-violation';

type DisputeProjectionDb = Pick<Db, 'stripeDispute'>;

// The same order the webhook handler uses: open → submitted → closed, then submissions.
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
const rankOf = (status: string, submissions: number) => [STATUS_RANK[status] ?? 0, submissions];

function compare(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return (a[index] ?? 0) - (b[index] ?? 0);
  return 0;
}

/** What a response changes that the rank does not see (staged evidence, metadata). */
const contentOf = (raw: string) => {
  const dispute = JSON.parse(raw) as Stripe.Dispute;
  return JSON.stringify([dispute.status, dispute.evidence, dispute.metadata]);
};


export async function projectDisputeResponse(dispute: Stripe.Dispute, db: DisputeProjectionDb): Promise<void> {
  const data = { ...disputeRow(dispute), source: 'api_response', updatedFromEventId: null };
  const stored = await db.stripeDispute.findUnique({
    where: { id: dispute.id },
    select: { status: true, submissionCount: true, source: true, raw: true, updatedFromEventCreated: true, updatedFromEventId: true },
  });
  if (!stored) {
    try {
      await db.stripeDispute.create({ data: { id: dispute.id, ...data, updatedFromEventCreated: 0 } });
    } catch (error) {
      // The webhook inserted the row meanwhile: it holds this state or a newer one.
      if (!isUniqueViolation(error)) throw error;
    }
    return;
  }
  const order = compare(rankOf(dispute.status, dispute.evidence_details?.submission_count ?? 0), rankOf(stored.status, stored.submissionCount));
  // A webhook that already brought exactly this state must stay confirmed; one that brought an older state is replaced.
  const isNews = order > 0 || (order === 0 && (stored.source === 'api_response' || contentOf(stored.raw) !== contentOf(data.raw)));
  if (!isNews) return;
  // Keeps the stored event's `created`, so every later webhook still applies over this row.
  await db.stripeDispute.updateMany({
    where: { id: dispute.id, updatedFromEventCreated: stored.updatedFromEventCreated, updatedFromEventId: stored.updatedFromEventId },
    data,
  });
}
