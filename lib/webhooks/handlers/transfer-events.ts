// transfer.* → the StripeTransfer projection (platform balance → connected account).
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const TRANSFER_EVENT_TYPES = ['transfer.created', 'transfer.updated', 'transfer.reversed'] as const;
export type TransferEvent = Extract<Stripe.Event, { type: (typeof TRANSFER_EVENT_TYPES)[number] }>;

// Reversals only grow, so within one second the transfer reversed further is the later one.
const rankOf = (amountReversed: number): number[] => [amountReversed];

export async function applyTransferEvent(event: TransferEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const transfer = event.data.object;
  const stored = await db.stripeTransfer.findUnique({ where: { id: transfer.id }, select: { updatedFromEventCreated: true, amountReversed: true } });
  if (stored && isOlderState({ eventCreated: event.created, rank: rankOf(transfer.amount_reversed) }, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.amountReversed) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const destination = idOf(transfer.destination);
  if (!destination) return { outcome: 'ignored', note: 'a transfer without a destination account' };
  const data = {
    amount: transfer.amount,
    amountReversed: transfer.amount_reversed,
    currency: transfer.currency,
    destinationAccountId: destination,
    sourceTransactionId: idOf(transfer.source_transaction),
    transferGroup: transfer.transfer_group ?? null,
    destinationPaymentId: idOf(transfer.destination_payment),
    isReversed: transfer.reversed,
    created: transfer.created,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(transfer),
  };
  if (!stored) {
    await db.stripeTransfer.create({ data: { id: transfer.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripeTransfer.updateMany({ where: { id: transfer.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
