// charge.* (not disputes, whose object is a Dispute) → the StripeCharge projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { Prisma } from '@/lib/db/client';
import type { SqlRunner } from '@/lib/db/sql-runner';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const CHARGE_EVENT_TYPES = [
  'charge.pending',
  'charge.succeeded',
  'charge.failed',
  'charge.captured',
  'charge.expired',
  'charge.refunded',
  'charge.updated',
] as const;
export type ChargeEvent = Extract<Stripe.Event, { type: (typeof CHARGE_EVENT_TYPES)[number] }>;

// A charge settles once (pending → succeeded | failed); after that, captures and refunds only grow.
const STATUS_RANK: Record<string, number> = { pending: 0, succeeded: 1, failed: 1 };
const CAPTURED_RANKS = [[true, 1], [false, 0]] as const;
export const chargeRank = (charge: { status: string; captured: boolean; amountRefunded: number }): number[] => [
  STATUS_RANK[charge.status] ?? 0,
  charge.captured ? 1 : 0,
  charge.amountRefunded,
];

/** The projection's columns for a charge as Stripe shows it, for every writer of the row. */
export function chargeColumns(charge: Stripe.Charge) {
  return {
    status: charge.status,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
    customerId: idOf(charge.customer),
    paymentIntentId: idOf(charge.payment_intent),
    isDisputed: charge.disputed,
    captured: charge.captured,
    created: charge.created,
    raw: JSON.stringify(charge),
  };
}

const chargeRowSchema = webhookRowSchema({
  status: z.string(),
  amount: z.number().int(),
  amountRefunded: z.number().int(),
  currency: z.string(),
  customerId: z.string().nullable(),
  paymentIntentId: z.string().nullable(),
  isDisputed: z.boolean(),
  captured: z.boolean(),
});

export function planChargeEvent(event: ChargeEvent): ProjectionPlan {
  const charge = event.data.object;
  return {
    row: {
      table: 'StripeCharge',
      id: charge.id,
      schema: chargeRowSchema,
      columns: { ...chargeColumns(charge), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }, { column: 'captured', rankOfValue: CAPTURED_RANKS }, { column: 'amountRefunded' }],
    },
  };
}

/**
 * The intents' refund and dispute columns are sums over their stored charges, recomputed (one statement) after a
 * batch wrote any of the intents or their charges, so a late or repeated charge event cannot count twice. They are
 * not part of the intent's own event ordering.
 */
export async function copyChargeTotalsToPaymentIntents(paymentIntentIds: readonly string[], sql: SqlRunner): Promise<void> {
  if (paymentIntentIds.length === 0) return;
  const charge = Prisma.sql`"StripeCharge"."paymentIntentId" = "StripePaymentIntent"."id"`;
  await sql.execute(Prisma.sql`
    UPDATE "StripePaymentIntent" SET
      "amountRefunded" = COALESCE((SELECT SUM("StripeCharge"."amountRefunded") FROM "StripeCharge" WHERE ${charge}), 0),
      "isDisputed" = EXISTS (SELECT 1 FROM "StripeCharge" WHERE ${charge} AND "StripeCharge"."isDisputed")
    WHERE "id" IN (${Prisma.join([...new Set(paymentIntentIds)])})`);
}
