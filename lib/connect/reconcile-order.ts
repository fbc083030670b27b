// One order's money side by side, by its transfer_group: the charge, the platform's fee, the transfer to the seller,
// refunds, fee refunds and transfer reversals, and the seller's payouts since. All from webhook-confirmed rows.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

type ReconcileDb = Pick<Db, 'stripeTransfer' | 'stripeCharge' | 'stripeRefund' | 'stripeApplicationFee' | 'stripePayout'>;

export interface MoneyLine {
  id: string;
  amount: number;
  currency: string;
  created: number;
  status?: string;
  /** the account it concerns, when not the platform */
  accountId?: string | null;
}

export interface OrderReconciliation {
  transferGroup: string;
  charges: (MoneyLine & { amountRefunded: number; paymentIntentId: string | null })[];
  fees: (MoneyLine & { amountRefunded: number })[];
  feeRefunds: MoneyLine[];
  transfers: (MoneyLine & { amountReversed: number })[];
  transferReversals: MoneyLine[];
  refunds: MoneyLine[];
  payouts: MoneyLine[];
}

function embeddedList(raw: string, field: 'refunds' | 'reversals'): { id: string; amount: number; currency: string; created: number }[] {
  const parsed = JSON.parse(raw) as Partial<Record<'refunds' | 'reversals', { data?: { id: string; amount: number; currency: string; created: number }[] }>>;
  return parsed[field]?.data ?? [];
}

export async function reconcileOrder(options: { transferGroup: string }, dependencies: { db?: ReconcileDb } = {}): Promise<OrderReconciliation> {
  const db = dependencies.db ?? defaultDb;
  const transfers = await db.stripeTransfer.findMany({ where: { transferGroup: options.transferGroup }, orderBy: { created: 'asc' } });
  const chargeIds = [...new Set(transfers.map((transfer) => transfer.sourceTransactionId).filter((id): id is string => id !== null))];
  const [charges, refunds, fees] = await Promise.all([
    db.stripeCharge.findMany({ where: { id: { in: chargeIds } }, orderBy: { created: 'asc' } }),
    db.stripeRefund.findMany({ where: { chargeId: { in: chargeIds } }, orderBy: { created: 'asc' } }),
    db.stripeApplicationFee.findMany({ where: { originatingChargeId: { in: chargeIds } }, orderBy: { created: 'asc' } }),
  ]);
  const sellers = [...new Set(transfers.map((transfer) => transfer.destinationAccountId))];
  const since = Math.min(...transfers.map((transfer) => transfer.created));
  const payouts = sellers.length
    ? await db.stripePayout.findMany({ where: { accountId: { in: sellers }, created: { gte: since } }, orderBy: { created: 'asc' } })
    : [];
  return {
    transferGroup: options.transferGroup,
    charges: charges.map((charge) => ({ id: charge.id, amount: charge.amount, currency: charge.currency, created: charge.created, status: charge.status, amountRefunded: charge.amountRefunded, paymentIntentId: charge.paymentIntentId })),
    fees: fees.map((fee) => ({ id: fee.id, amount: fee.amount, currency: fee.currency, created: fee.created, accountId: fee.accountId, amountRefunded: fee.amountRefunded })),
    feeRefunds: fees.flatMap((fee) => embeddedList(fee.raw, 'refunds').map((refund) => ({ ...refund, accountId: fee.accountId }))),
    transfers: transfers.map((transfer) => ({ id: transfer.id, amount: transfer.amount, currency: transfer.currency, created: transfer.created, accountId: transfer.destinationAccountId, amountReversed: transfer.amountReversed })),
    transferReversals: transfers.flatMap((transfer) => embeddedList(transfer.raw, 'reversals').map((reversal) => ({ ...reversal, accountId: transfer.destinationAccountId }))),
    refunds: refunds.map((refund) => ({ id: refund.id, amount: refund.amount, currency: refund.currency, created: refund.created, status: refund.status })),
    payouts: payouts.map((payout) => ({ id: payout.id, amount: payout.amount, currency: payout.currency, created: payout.created, status: payout.status, accountId: payout.accountId })),
  };
}
