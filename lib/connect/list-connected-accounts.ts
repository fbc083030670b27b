// The platform's connected accounts with their sellers, and those who started onboarding but never finished.
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

type ListDb = Pick<Db, 'connectedAccount' | 'user'>;

async function withSellers(accounts: Awaited<ReturnType<ListDb['connectedAccount']['findMany']>>, db: ListDb): Promise<ConnectedAccountRow[]> {
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

/** Sellers who pressed Start onboarding and never submitted their details, longest waiting first: support follows up. */
export async function listAbandonedOnboarding(dependencies: { db?: ListDb } = {}): Promise<ConnectedAccountRow[]> {
  const db = dependencies.db ?? defaultDb;
  const accounts = await db.connectedAccount.findMany({ where: { detailsSubmitted: false, onboardingStartedAt: { not: null } }, orderBy: { onboardingStartedAt: 'asc' }, take: 200 });
  return withSellers(accounts, db);
}
