// Ties a Stripe account to its seller in the projection (Start onboarding, the seed).
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { connectedAccountColumns } from './connected-account-columns';

/**
 * Writes the account as a create (or retrieve) response shows it, tied to its seller. A webhook-written row keeps
 * its columns (it is newer); only the seller link is added. Concurrent first writes end in one row.
 */
export async function linkSellerAccount(
  options: { account: Stripe.Account; sellerUserId: string; onboardingStartedAt?: Date },
  db: Pick<Db, 'connectedAccount'>,
): Promise<void> {
  const { account, sellerUserId } = options;
  const link = { sellerUserId, ...(options.onboardingStartedAt ? { onboardingStartedAt: options.onboardingStartedAt } : {}) };
  const existing = await db.connectedAccount.findUnique({ where: { id: account.id }, select: { id: true } });
  if (existing) {
    await db.connectedAccount.update({ where: { id: account.id }, data: link });
    return;
  }
  try {
    await db.connectedAccount.create({ data: { id: account.id, ...connectedAccountColumns(account), updatedFromEventCreated: 0, source: 'api_response', ...link } });
  } catch (error) {
    const isDuplicate = typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
    if (!isDuplicate) throw error;
    await db.connectedAccount.update({ where: { id: account.id }, data: link });
  }
}
