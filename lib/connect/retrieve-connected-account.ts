// A connected account's page: projected status, capabilities and requirements, its history, and its live balance.
import 'server-only';
import type Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { accountStatusOf } from './account-status';
import { splitRequirements } from './connected-account-columns';

type AccountDb = Pick<Db, 'connectedAccount' | 'connectedAccountRequirementChange' | 'user'>;

export async function retrieveConnectedAccount(options: { accountId: string }, dependencies: { db?: AccountDb } = {}) {
  const db = dependencies.db ?? defaultDb;
  const account = await db.connectedAccount.findUnique({ where: { id: options.accountId } });
  if (!account) return null;
  const seller = account.sellerUserId ? await db.user.findUnique({ where: { id: account.sellerUserId }, select: { email: true, name: true } }) : null;
  return {
    id: account.id,
    seller,
    email: account.email,
    country: account.country,
    businessName: account.businessName,
    status: accountStatusOf(account),
    detailsSubmitted: account.detailsSubmitted,
    chargesEnabled: account.chargesEnabled,
    payoutsEnabled: account.payoutsEnabled,
    capabilities: { card_payments: account.cardPaymentsStatus, transfers: account.transfersStatus },
    currentlyDue: splitRequirements(account.currentlyDue),
    pastDue: splitRequirements(account.pastDue),
    eventuallyDue: splitRequirements(account.eventuallyDue),
    disabledReason: account.disabledReason,
    onboardingStartedAt: account.onboardingStartedAt,
    isAwaitingWebhook: account.updatedFromEventId === null,
  };
}

export type ConnectedAccountView = NonNullable<Awaited<ReturnType<typeof retrieveConnectedAccount>>>;

/** What each account.updated added or cleared, newest first: where a seller got stuck. */
export async function listRequirementHistory(options: { accountId: string }, dependencies: { db?: Pick<Db, 'connectedAccountRequirementChange'> } = {}) {
  const db = dependencies.db ?? defaultDb;
  const rows = await db.connectedAccountRequirementChange.findMany({ where: { accountId: options.accountId }, orderBy: [{ eventCreated: 'desc' }, { createdAt: 'desc' }], take: 100 });
  return rows.map((row) => ({ ...row, added: splitRequirements(row.added), cleared: splitRequirements(row.cleared), currentlyDue: splitRequirements(row.currentlyDue) }));
}

/** The balance as Stripe has it now (not projected: no event carries a connected account's balance). */
export async function retrieveAccountBalance(options: { accountId: string }, dependencies: { stripe?: Stripe } = {}): Promise<Stripe.Balance> {
  const stripe = dependencies.stripe ?? defaultStripe();
  return stripe.balance.retrieve({}, { stripeAccount: options.accountId });
}
