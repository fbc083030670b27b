// payout.* → the StripePayout projection (a balance → a bank account), the connected account's from the event's `account`.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const PAYOUT_EVENT_TYPES = ['payout.created', 'payout.updated', 'payout.paid', 'payout.failed', 'payout.canceled'] as const;
export type PayoutEvent = Extract<Stripe.Event, { type: (typeof PAYOUT_EVENT_TYPES)[number] }>;

// A payout moves pending → in_transit → paid | failed | canceled and never back.
const STATUS_RANK: Record<string, number> = { pending: 0, in_transit: 1, paid: 2, failed: 2, canceled: 2 };

const payoutColumns = webhookRowSchema({
  accountId: z.string().nullable(),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  arrivalDate: z.number().int(),
  failureCode: z.string().nullable(),
});

export function planPayoutEvent(event: PayoutEvent): ProjectionPlan {
  const payout = event.data.object;
  return {
    row: {
      table: 'StripePayout',
      id: payout.id,
      schema: payoutColumns,
      columns: {
        accountId: event.account ?? null,
        status: payout.status,
        amount: payout.amount,
        currency: payout.currency,
        arrivalDate: payout.arrival_date,
        failureCode: payout.failure_code ?? null,
        created: payout.created,
        updatedFromEventCreated: event.created,
        updatedFromEventId: event.id,
        source: 'webhook',
        raw: JSON.stringify(payout),
      },
      sameSecondRank: [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
  };
}
