// refund.* and charge.refund.updated (both carry a Refund) → the StripeRefund projection.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const REFUND_EVENT_TYPES = ['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated'] as const;
export type RefundEvent = Extract<Stripe.Event, { type: (typeof REFUND_EVENT_TYPES)[number] }>;

// pending and requires_action may still change; the others are final.
const STATUS_RANK: Record<string, number> = { pending: 0, requires_action: 0, succeeded: 1, failed: 1, canceled: 1 };
const rankOf = (status: string | null): number[] => [STATUS_RANK[status ?? 'pending'] ?? 0];

export async function applyRefundEvent(event: RefundEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const refund = event.data.object;
  const stored = await db.stripeRefund.findUnique({ where: { id: refund.id }, select: { updatedFromEventCreated: true, status: true } });
  if (stored && isOlderState({ eventCreated: event.created, rank: rankOf(refund.status) }, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const data = {
    status: refund.status ?? 'pending',
    amount: refund.amount,
    currency: refund.currency,
    chargeId: idOf(refund.charge),
    paymentIntentId: idOf(refund.payment_intent),
    reason: refund.reason,
    created: refund.created,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(refund),
  };
  if (!stored) {
    await db.stripeRefund.create({ data: { id: refund.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripeRefund.updateMany({ where: { id: refund.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
