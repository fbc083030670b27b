// application_fee.* → the StripeApplicationFee projection (the platform's fee on a connected account's charge).
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { webhookRowSchema } from '../upsert-projection-row';

export const APPLICATION_FEE_EVENT_TYPES = ['application_fee.created', 'application_fee.refunded'] as const;
export type ApplicationFeeEvent = Extract<Stripe.Event, { type: (typeof APPLICATION_FEE_EVENT_TYPES)[number] }>;

const applicationFeeColumns = webhookRowSchema({
  amount: z.number().int(),
  amountRefunded: z.number().int(),
  currency: z.string(),
  accountId: z.string(),
  originatingChargeId: z.string().nullable(),
  chargeId: z.string().nullable(),
});

export function planApplicationFeeEvent(event: ApplicationFeeEvent): ProjectionPlan {
  const fee = event.data.object;
  const accountId = idOf(fee.account);
  if (!accountId) return { result: { outcome: 'ignored', note: 'a fee without an account' } };
  return {
    row: {
      table: 'StripeApplicationFee',
      id: fee.id,
      schema: applicationFeeColumns,
      columns: {
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
      },
      // Fee refunds only grow, so within one second the fee refunded further is the later one.
      sameSecondRank: [{ column: 'amountRefunded' }],
    },
  };
}
