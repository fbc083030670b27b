// Payouts for the backfill: the projection holds the platform's own payouts and each connected account's (read with
// `Stripe-Account`, as their events carry `account`), so the list walks the platform, then every connected account.
import 'server-only';
import Stripe from 'stripe';
import { standInEvent } from './stand-in-event';
import type { ListParams, SyncDefinition } from './sync-object-types';

/** A payout and whose balance it left: null for the platform's own. */
export interface AccountPayout {
  id: string;
  created: number;
  account: string | null;
  payout: Stripe.Payout;
}

const PLATFORM = 'platform';
const requestFor = (account: string | null): Stripe.RequestOptions | undefined => (account ? { stripeAccount: account } : undefined);

async function* balancesWithPayouts(stripe: Stripe): AsyncGenerator<string | null> {
  yield null;
  for await (const account of stripe.accounts.list({ limit: 100 })) yield account.id;
}

/** The cursor names the balance as well as the payout: a payout id is only a position in its own account's list. */
const cursorOf = (payout: AccountPayout): string => `${payout.account ?? PLATFORM}/${payout.id}`;

async function* listAccountPayouts(stripe: Stripe, params: ListParams): AsyncGenerator<AccountPayout> {
  const balances: (string | null)[] = [];
  for await (const account of balancesWithPayouts(stripe)) balances.push(account);
  const [resumeBalance, resumeAfter] = params.starting_after ? params.starting_after.split('/') : [];
  // Balances before the cursor's were done in the interrupted run; if its account is gone, all are read again.
  const resumeAt = resumeBalance === undefined ? -1 : balances.findIndex((account) => (account ?? PLATFORM) === resumeBalance);
  for (const [index, account] of balances.entries()) {
    if (index < resumeAt) continue;
    const startingAfter = index === resumeAt ? resumeAfter : undefined;
    const list = stripe.payouts.list({ limit: params.limit, ...(params.created ? { created: params.created } : {}), ...(startingAfter ? { starting_after: startingAfter } : {}) }, requestFor(account));
    for await (const payout of list) yield { id: payout.id, created: payout.created, account, payout };
  }
}

const isMissing = (error: unknown) => error instanceof Stripe.errors.StripeError && error.statusCode === 404;

/** A payout id does not say whose it is: the platform's is tried first, then each connected account's. */
async function retrieveAccountPayout(stripe: Stripe, id: string): Promise<AccountPayout | null> {
  for await (const account of balancesWithPayouts(stripe)) {
    try {
      const payout = await stripe.payouts.retrieve(id, {}, requestFor(account));
      return { id: payout.id, created: payout.created, account, payout };
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  // Answered as Stripe would for an unknown id, so "Refresh from Stripe" says it has none.
  throw new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', message: `No such payout: '${id}'`, code: 'resource_missing', statusCode: 404 });
}

export const accountPayouts: SyncDefinition<AccountPayout> = {
  label: 'payouts',
  listsByCreated: true,
  list: listAccountPayouts,
  retrieve: retrieveAccountPayout,
  toEvent: (object, id, created) => standInEvent<Stripe.PayoutUpdatedEvent>('payout.updated', object.payout, id, created, object.account ?? undefined),
  cursorOf,
};
