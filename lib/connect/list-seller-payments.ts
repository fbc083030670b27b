// A seller's payments as they see them: what each order transferred, the platform's fee on it, and what they keep.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export interface SellerPayment {
  /** py_… on the seller's account, or the transfer when Stripe did not name the payment */
  id: string;
  transferGroup: string | null;
  currency: string;
  /** transferred less reversals (refunds that took the money back) */
  received: number;
  /** the platform's fee less fee refunds */
  platformFee: number;
  net: number;
  created: number;
}

export async function listSellerPayments(options: { accountId: string }, dependencies: { db?: Pick<Db, 'stripeTransfer' | 'stripeApplicationFee'> } = {}): Promise<SellerPayment[]> {
  const db = dependencies.db ?? defaultDb;
  const transfers = await db.stripeTransfer.findMany({ where: { destinationAccountId: options.accountId }, orderBy: [{ created: 'desc' }, { id: 'desc' }], take: 200 });
  const chargeIds = transfers.map((transfer) => transfer.sourceTransactionId).filter((id): id is string => id !== null);
  const fees = await db.stripeApplicationFee.findMany({ where: { accountId: options.accountId, originatingChargeId: { in: chargeIds } } });
  const feeByCharge = new Map(fees.map((fee) => [fee.originatingChargeId, fee.amount - fee.amountRefunded]));
  return transfers.map((transfer) => {
    const received = transfer.amount - transfer.amountReversed;
    const platformFee = (transfer.sourceTransactionId && feeByCharge.get(transfer.sourceTransactionId)) || 0;
    return {
      id: transfer.destinationPaymentId ?? transfer.id,
      transferGroup: transfer.transferGroup,
      currency: transfer.currency,
      received,
      platformFee,
      net: received - platformFee,
      created: transfer.created,
    };
  });
}
