// Transfers (platform → a seller's balance) and payouts (a balance → a bank) as webhooks confirmed them, kept apart.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

type MovementsDb = Pick<Db, 'stripeTransfer' | 'stripePayout' | 'stripeApplicationFee'>;

export async function listTransfers(options: { accountId?: string } = {}, dependencies: { db?: MovementsDb } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripeTransfer.findMany({
    where: options.accountId ? { destinationAccountId: options.accountId } : {},
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, amount: true, amountReversed: true, currency: true, destinationAccountId: true, sourceTransactionId: true, transferGroup: true, created: true },
  });
}

/** Without an account: every connected account's payouts (the platform's own are not a seller's money). */
export async function listPayouts(options: { accountId?: string } = {}, dependencies: { db?: MovementsDb } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripePayout.findMany({
    where: options.accountId ? { accountId: options.accountId } : { accountId: { not: null } },
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, accountId: true, status: true, amount: true, currency: true, arrivalDate: true, created: true },
  });
}

export async function listApplicationFees(options: { accountId?: string } = {}, dependencies: { db?: MovementsDb } = {}) {
  const db = dependencies.db ?? defaultDb;
  return db.stripeApplicationFee.findMany({
    where: options.accountId ? { accountId: options.accountId } : {},
    orderBy: [{ created: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, amount: true, amountRefunded: true, currency: true, accountId: true, originatingChargeId: true, created: true },
  });
}
