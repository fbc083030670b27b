// Payouts from sellers' balances to their banks, as payout.* events confirmed them; never transfers.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

/** Without an account: every connected account's payouts (the platform's own are not a seller's money). */
export async function listPayouts(options: { accountId?: string } = {}, dependencies: { db?: Pick<Db, 'stripePayout'> } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripePayout.findMany({
    where: options.accountId ? { accountId: options.accountId } : { accountId: { not: null } },
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, accountId: true, status: true, amount: true, currency: true, arrivalDate: true, created: true },
  });
}
