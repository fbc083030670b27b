// Sellers who started onboarding and never submitted their details: support's follow-up list.
import 'server-only';
import { db as defaultDb } from '@/lib/db/client';
import { withSellers, type ConnectedAccountRow, type ListDb } from './list-connected-accounts';

/** Sellers who pressed Start onboarding and never submitted their details, longest waiting first: support follows up. */
export async function listAbandonedOnboarding(dependencies: { db?: ListDb } = {}): Promise<ConnectedAccountRow[]> {
  const db = dependencies.db ?? defaultDb;
  const accounts = await db.connectedAccount.findMany({ where: { detailsSubmitted: false, onboardingStartedAt: { not: null } }, orderBy: { onboardingStartedAt: 'asc' }, take: 200 });
  return withSellers(accounts, db);
}
