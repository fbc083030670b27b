// transfer.* → the StripeTransfer projection (platform balance → connected account).
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { webhookRowSchema } from '../upsert-projection-row';

export const TRANSFER_EVENT_TYPES = ['transfer.created', 'transfer.updated', 'transfer.reversed'] as const;
export type TransferEvent = Extract<Stripe.Event, { type: (typeof TRANSFER_EVENT_TYPES)[number] }>;

const transferColumns = webhookRowSchema({
  amount: z.number().int(),
  amountReversed: z.number().int(),
  currency: z.string(),
  destinationAccountId: z.string(),
  sourceTransactionId: z.string().nullable(),
  transferGroup: z.string().nullable(),
  destinationPaymentId: z.string().nullable(),
  isReversed: z.boolean(),
});

export function planTransferEvent(event: TransferEvent): ProjectionPlan {
  const transfer = event.data.object;
  const destination = idOf(transfer.destination);
  if (!destination) return { result: { outcome: 'ignored', note: 'a transfer without a destination account' } };
  return {
    row: {
      table: 'StripeTransfer',
      id: transfer.id,
      schema: transferColumns,
      columns: {
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
      },
      // Reversals only grow, so within one second the transfer reversed further is the later one.
      sameSecondRank: [{ column: 'amountReversed' }],
    },
  };
}
