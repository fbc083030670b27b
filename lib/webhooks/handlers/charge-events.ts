// charge.* (not disputes, whose object is a Dispute) → the StripeCharge projection.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

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
export const chargeRank = (charge: { status: string; captured: boolean; amountRefunded: number }): number[] => [
  STATUS_RANK[charge.status] ?? 0,
  charge.captured ? 1 : 0,
  charge.amountRefunded,
];

export async function applyChargeEvent(event: ChargeEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const charge = event.data.object;
  const stored = await db.stripeCharge.findUnique({ where: { id: charge.id }, select: { updatedFromEventCreated: true, status: true, amountRefunded: true, raw: true } });
  const incoming = { eventCreated: event.created, rank: chargeRank({ status: charge.status, captured: charge.captured, amountRefunded: charge.amount_refunded }) };
  if (stored) {
    const storedCaptured = (JSON.parse(stored.raw) as { captured?: boolean }).captured === true;
    const storedStamp = { eventCreated: stored.updatedFromEventCreated, rank: chargeRank({ status: stored.status, captured: storedCaptured, amountRefunded: stored.amountRefunded }) };
    if (isOlderState(incoming, storedStamp)) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const data = {
    status: charge.status,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
    customerId: idOf(charge.customer),
    paymentIntentId: idOf(charge.payment_intent),
    isDisputed: charge.disputed,
    created: charge.created,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(charge),
  };
  if (!stored) {
    await db.stripeCharge.create({ data: { id: charge.id, ...data } });
  } else {
    const { count } = await db.stripeCharge.updateMany({ where: { id: charge.id, updatedFromEventCreated: { lte: event.created } }, data });
    if (count === 0) return { outcome: 'stale', note: 'a newer event was applied meanwhile' };
  }
  if (data.paymentIntentId) await copyToPaymentIntent(data.paymentIntentId, db);
  return { outcome: 'applied' };
}

/**
 * The intent's refund and dispute columns are sums over its charges, recomputed from the stored charges so a
 * late or repeated charge event cannot count twice. They are not part of the intent's own event ordering.
 */
async function copyToPaymentIntent(paymentIntentId: string, db: ProjectionDb): Promise<void> {
  const charges = await db.stripeCharge.findMany({ where: { paymentIntentId }, select: { amountRefunded: true, isDisputed: true } });
  await db.stripePaymentIntent.updateMany({
    where: { id: paymentIntentId },
    data: { amountRefunded: charges.reduce((sum, charge) => sum + charge.amountRefunded, 0), isDisputed: charges.some((charge) => charge.isDisputed) },
  });
}
