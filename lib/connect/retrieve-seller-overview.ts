// What a seller sees: their own account, the payments transferred to them and their payouts, and nothing else.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { listPayouts } from './list-payouts';
import { listSellerPayments } from './list-seller-payments';
import { retrieveConnectedAccount } from './retrieve-connected-account';

type SellerDb = Pick<Db, 'connectedAccount' | 'connectedAccountRequirementChange' | 'user' | 'stripeTransfer' | 'stripePayout' | 'stripeApplicationFee'>;

/** Scoped by the signed-in seller's id, never by an id from the request. */
export async function retrieveSellerOverview(options: { sellerUserId: string }, dependencies: { db?: SellerDb } = {}) {
  const db = dependencies.db ?? defaultDb;
  const row = await db.connectedAccount.findUnique({ where: { sellerUserId: options.sellerUserId }, select: { id: true } });
  if (!row) return { account: null, payments: [], payouts: [] };
  const [account, payments, payouts] = await Promise.all([
    retrieveConnectedAccount({ accountId: row.id }, { db }),
    listSellerPayments({ accountId: row.id }, { db }),
    listPayouts({ accountId: row.id }, { db }),
  ]);
  return { account, payments, payouts };
}
