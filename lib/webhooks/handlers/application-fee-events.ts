// application_fee.* → the StripeApplicationFee projection (the platform's fee on a connected account's charge).
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const APPLICATION_FEE_EVENT_TYPES = ['application_fee.created', 'application_fee.refunded'] as const;
export type ApplicationFeeEvent = Extract<Stripe.Event, { type: (typeof APPLICATION_FEE_EVENT_TYPES)[number] }>;

// Fee refunds only grow, so within one second the fee refunded further is the later one.
const rankOf = (amountRefunded: number): number[] => [amountRefunded];

export async function applyApplicationFeeEvent(event: ApplicationFeeEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const fee = event.data.object;
  const stored = await db.stripeApplicationFee.findUnique({ where: { id: fee.id }, select: { updatedFromEventCreated: true, amountRefunded: true } });
  if (stored && isOlderState({ eventCreated: event.created, rank: rankOf(fee.amount_refunded) }, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.amountRefunded) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const accountId = idOf(fee.account);
  if (!accountId) return { outcome: 'ignored', note: 'a fee without an account' };
  const data = {
    amount: fee.amount,
    amountRefunded: fee.amount_refunded,
    currency: fee.currency,
    accountId,
    originatingChargeId: idOf(fee.originating_transaction),
    chargeId: idOf(fee.charge),
    created: fee.created,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(fee),
  };
  if (!stored) {
    await db.stripeApplicationFee.create({ data: { id: fee.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripeApplicationFee.updateMany({ where: { id: fee.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
