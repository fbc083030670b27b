// Start onboarding: the seller's one Express account (made once, whatever the retries) and a fresh onboarding link.
import 'server-only';
import Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { linkSellerAccount } from './link-seller-account';
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
