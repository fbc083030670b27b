// refund.* and charge.refund.updated (both carry a Refund) → the StripeRefund projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const REFUND_EVENT_TYPES = ['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated'] as const;
export type RefundEvent = Extract<Stripe.Event, { type: (typeof REFUND_EVENT_TYPES)[number] }>;

// pending and requires_action may still change; the others are final.
const STATUS_RANK: Record<string, number> = { pending: 0, requires_action: 0, succeeded: 1, failed: 1, canceled: 1 };
export const refundRank = (status: string | null): number[] => [STATUS_RANK[status ?? 'pending'] ?? 0];

const refundRowSchema = webhookRowSchema({
  status: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  chargeId: z.string().nullable(),
  paymentIntentId: z.string().nullable(),
  reason: z.string().nullable(),
});

/** The projection columns of a refund as Stripe describes it (the webhook and an API response alike). */
export function refundColumns(refund: Stripe.Refund) {
  return {
    status: refund.status ?? 'pending',
    amount: refund.amount,
    currency: refund.currency,
    chargeId: idOf(refund.charge),
    paymentIntentId: idOf(refund.payment_intent),
    reason: refund.reason,
    created: refund.created,
    raw: JSON.stringify(refund),
  };
}

export function planRefundEvent(event: RefundEvent): ProjectionPlan {
  const refund = event.data.object;
  return {
    row: {
      table: 'StripeRefund',
      id: refund.id,
      schema: refundRowSchema,
      columns: { ...refundColumns(refund), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
  };
}
