// Start onboarding: the seller's one Express account (made once, whatever the retries) and a fresh onboarding link.
import 'server-only';
import Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { connectedAccountColumns } from './connected-account-columns';
import { onboardingUrls } from './onboarding-urls';

type OnboardingDb = Pick<Db, 'connectedAccount' | 'auditEntry'>;

export interface StartSellerOnboardingOptions {
  seller: SessionUser;
  /** the app's public URL; defaults to BETTER_AUTH_URL */
  appUrl?: string;
}

/**
 * Returns the link's URL for the caller to redirect to at once. The URL is a bearer credential for the seller's
 * account: it is never stored, logged, rendered or audited, only handed to the redirect.
 */
export async function startSellerOnboarding(
  options: StartSellerOnboardingOptions,
  dependencies: { stripe?: Stripe; db?: OnboardingDb } = {},
): Promise<{ accountId: string; url: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const accountId = await ensureSellerAccount(options.seller, stripe, db);
  const urls = onboardingUrls(options.appUrl);
  // Express accounts only take account_onboarding links (Stripe refuses account_update for them); it also
  // collects whatever Stripe asks for after onboarding.
  const link = await stripe.accountLinks.create({ account: accountId, type: 'account_onboarding', refresh_url: urls.refreshUrl, return_url: urls.returnUrl });
  return { accountId, url: link.url };
}

async function ensureSellerAccount(seller: SessionUser, stripe: Stripe, db: OnboardingDb): Promise<string> {
  const stored = await db.connectedAccount.findUnique({ where: { sellerUserId: seller.id }, select: { id: true, onboardingStartedAt: true } });
  if (stored) {
    if (!stored.onboardingStartedAt) await db.connectedAccount.update({ where: { id: stored.id }, data: { onboardingStartedAt: new Date() } });
    return stored.id;
  }
  // One key per seller: a double click, a retry after a lost response or a second tab all get the same account.
  const idempotencyKey = `create-connected-account:${seller.id}`;
  const account = await stripe.accounts.create(
    {
      type: 'express',
      country: 'US',
      email: seller.email,
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { paydesk_seller_user_id: seller.id },
    },
    { idempotencyKey },
  );
  await linkSellerAccount({ account, sellerUserId: seller.id, onboardingStartedAt: new Date() }, db);
  await recordAuditEntry(
    { actor: seller, action: 'create-connected-account', objectId: account.id, stripeRequestId: account.lastResponse.requestId, idempotencyKey, detail: { type: 'express', country: 'US' } },
    db,
  );
  return account.id;
}

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
