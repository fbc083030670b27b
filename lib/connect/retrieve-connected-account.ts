// A connected account as the projection has it: status, seller, capabilities and requirements.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { accountStatusOf } from './account-status';
import { splitRequirements } from './connected-account-columns';

type AccountDb = Pick<Db, 'connectedAccount' | 'user'>;

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
