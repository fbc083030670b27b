// Puts what an action's own Stripe response showed into the projection at once, until webhooks confirm it.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { chargeColumns, chargeRank } from '@/lib/webhooks/handlers/charge-events';
import { paymentIntentColumns, paymentIntentRank } from '@/lib/webhooks/handlers/payment-intent-events';
import { refundColumns, refundRank } from '@/lib/webhooks/handlers/refund-events';
import { isUniqueViolation } from '@/lib/db/unique-violation';

type PaymentProjectionDb = Pick<Db, 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

// How far along an object is, compared left to right, by the same orders the webhook handlers use for ties. A
// response replaces a webhook's row only when strictly further along, so a webhook that already told us as much
// (or more) is never overwritten; the row keeps that webhook's `created`, so every later event still applies.
// A row only an earlier response wrote is replaced at equal rank too (e.g. a decline adds last_payment_error).
function compareRank(incoming: number[], stored: number[]): number {
  for (let index = 0; index < incoming.length; index += 1) {
    const difference = (incoming[index] ?? 0) - (stored[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}


/** Creates the row, or replaces a row the response is further along than; true when it wrote. */
async function writeIfNewer<Row extends { source: string; updatedFromEventCreated: number }>(options: {
  find: () => Promise<(Row & { rank: number[] }) | null>;
  create: () => Promise<unknown>;
  update: (stored: Row) => Promise<unknown>;
  rank: number[];
}): Promise<void> {
  const stored = await options.find();
  if (!stored) {
    try {
      await options.create();
    } catch (error) {
      // The webhook inserted the row meanwhile: it holds this state or a newer one.
      if (!isUniqueViolation(error)) throw error;
    }
    return;
  }
  const order = compareRank(options.rank, stored.rank);
  if (order > 0 || (order === 0 && stored.source === 'api_response')) await options.update(stored);
}

export async function projectPaymentIntentResponse(intent: Stripe.PaymentIntent, db: PaymentProjectionDb): Promise<void> {
  const data = { ...paymentIntentColumns(intent), source: 'api_response', updatedFromEventId: null };
  await writeIfNewer({
    rank: paymentIntentRank(intent.status, Boolean(intent.last_payment_error), intent.amount_received),
    find: async () => {
      const row = await db.stripePaymentIntent.findUnique({ where: { id: intent.id }, select: { statusRank: true, amountReceived: true, source: true, updatedFromEventCreated: true } });
      return row && { ...row, rank: [row.statusRank, row.amountReceived] };
    },
    create: () => db.stripePaymentIntent.create({ data: { id: intent.id, ...data, updatedFromEventCreated: 0 } }),
    update: (stored) =>
      db.stripePaymentIntent.updateMany({ where: { id: intent.id, updatedFromEventCreated: stored.updatedFromEventCreated }, data }),
  });
  await copyChargesToPaymentIntent(intent.id, db);
}

/** The intent's refund and dispute columns are sums over its stored charges, as the charge webhooks keep them. */
async function copyChargesToPaymentIntent(paymentIntentId: string, db: PaymentProjectionDb): Promise<void> {
  const charges = await db.stripeCharge.findMany({ where: { paymentIntentId }, select: { amountRefunded: true, isDisputed: true } });
  await db.stripePaymentIntent.updateMany({
    where: { id: paymentIntentId },
    data: { amountRefunded: charges.reduce((sum, charge) => sum + charge.amountRefunded, 0), isDisputed: charges.some((charge) => charge.isDisputed) },
  });
}

export async function projectChargeResponse(charge: Stripe.Charge, db: PaymentProjectionDb): Promise<void> {
  const data = { ...chargeColumns(charge), source: 'api_response', updatedFromEventId: null };
  await writeIfNewer({
    rank: chargeRank({ status: charge.status, captured: charge.captured, amountRefunded: charge.amount_refunded }),
    find: async () => {
      const row = await db.stripeCharge.findUnique({ where: { id: charge.id }, select: { status: true, amountRefunded: true, captured: true, source: true, updatedFromEventCreated: true } });
      return row && { ...row, rank: chargeRank(row) };
    },
    create: () => db.stripeCharge.create({ data: { id: charge.id, ...data, updatedFromEventCreated: 0 } }),
    update: (stored) => db.stripeCharge.updateMany({ where: { id: charge.id, updatedFromEventCreated: stored.updatedFromEventCreated }, data }),
  });
  if (data.paymentIntentId) await copyChargesToPaymentIntent(data.paymentIntentId, db);
}

export async function projectRefundResponse(refund: Stripe.Refund, db: PaymentProjectionDb): Promise<void> {
  const data = { ...refundColumns(refund), source: 'api_response', updatedFromEventId: null };
  await writeIfNewer({
    rank: refundRank(refund.status),
    find: async () => {
      const row = await db.stripeRefund.findUnique({ where: { id: refund.id }, select: { status: true, source: true, updatedFromEventCreated: true } });
      return row && { ...row, rank: refundRank(row.status) };
    },
    create: () => db.stripeRefund.create({ data: { id: refund.id, ...data, updatedFromEventCreated: 0 } }),
    update: (stored) => db.stripeRefund.updateMany({ where: { id: refund.id, updatedFromEventCreated: stored.updatedFromEventCreated }, data }),
  });
}
