// Transfers from the platform's balance to sellers' balances, as transfer.* events confirmed them; never payouts.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export async function listTransfers(options: { accountId?: string } = {}, dependencies: { db?: Pick<Db, 'stripeTransfer'> } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripeTransfer.findMany({
    where: options.accountId ? { destinationAccountId: options.accountId } : {},
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, amount: true, amountReversed: true, currency: true, destinationAccountId: true, sourceTransactionId: true, transferGroup: true, created: true },
  });
}
