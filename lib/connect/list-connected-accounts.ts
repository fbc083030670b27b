// The platform's connected accounts with their sellers, newest first.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { accountStatusOf, type AccountStatus } from './account-status';
import { splitRequirements } from './connected-account-columns';

export interface ConnectedAccountRow {
  id: string;
  sellerEmail: string | null;
  sellerName: string | null;
  businessName: string | null;
  status: AccountStatus;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  currentlyDue: string[];
  onboardingStartedAt: Date | null;
}

export type ListDb = Pick<Db, 'connectedAccount' | 'user'>;

/** Adds each account's seller (the Paydesk user) to its row. */
export async function withSellers(accounts: Awaited<ReturnType<ListDb['connectedAccount']['findMany']>>, db: ListDb): Promise<ConnectedAccountRow[]> {
  const sellerIds = accounts.map((account) => account.sellerUserId).filter((id): id is string => id !== null);
  const sellers = new Map((await db.user.findMany({ where: { id: { in: sellerIds } }, select: { id: true, email: true, name: true } })).map((user) => [user.id, user]));
  return accounts.map((account) => {
    const seller = account.sellerUserId ? sellers.get(account.sellerUserId) : undefined;
    return {
      id: account.id,
      sellerEmail: seller?.email ?? account.email,
      sellerName: seller?.name ?? null,
      businessName: account.businessName,
      status: accountStatusOf(account),
      chargesEnabled: account.chargesEnabled,
      payoutsEnabled: account.payoutsEnabled,
      currentlyDue: splitRequirements(account.currentlyDue),
      onboardingStartedAt: account.onboardingStartedAt,
    };
  });
}

export async function listConnectedAccounts(dependencies: { db?: ListDb } = {}): Promise<ConnectedAccountRow[]> {
  const db = dependencies.db ?? defaultDb;
  return withSellers(await db.connectedAccount.findMany({ orderBy: [{ created: 'desc' }, { id: 'desc' }], take: 200 }), db);
}
