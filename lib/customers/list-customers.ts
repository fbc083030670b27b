// Lists customers a page at a time, optionally only those with an exact email: from the webhook projection
// when it has rows, otherwise from Stripe (cursors).
import 'server-only';
import type Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toCustomerView } from './customer-view';
import { listProjectedCustomers, type CustomerListItem } from './list-projected-customers';

export interface ListCustomersOptions {
  email?: string;
  startingAfter?: string;
  endingBefore?: string;
  limit?: number;
}

export interface CustomerPage {
  customers: CustomerListItem[];
  /** pass as `startingAfter` for the next (older) page, when there is one */
  nextCursor: string | null;
  /** pass as `endingBefore` for the previous (newer) page, when there is one */
  previousCursor: string | null;
}

export async function listCustomers(
  options: ListCustomersOptions = {},
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'stripeCustomer'> } = {},
): Promise<CustomerPage> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  // The projection mirrors the app's own Stripe account: a caller handing in another account's client
  // (and no database) is asking that account.
  const db = dependencies.db ?? (dependencies.stripe ? undefined : defaultDb);
  const projected = db ? await listProjectedCustomers({ ...options, limit }, db) : null;
  if (projected) return projected;

  const stripe = dependencies.stripe ?? defaultStripe();
  const isGoingBack = Boolean(options.endingBefore) && !options.startingAfter;
  const page = await stripe.customers.list({
    limit,
    email: options.email,
    ...(isGoingBack ? { ending_before: options.endingBefore } : { starting_after: options.startingAfter }),
  });
  const customers = page.data.map((customer) => ({ ...toCustomerView(customer), isAwaitingWebhook: false }));
  const first = customers[0]?.id ?? null;
  const last = customers.at(-1)?.id ?? null;
  // Stripe's has_more looks in the direction we travelled; the other direction is known from how we got here.
  const hasNewer = isGoingBack ? page.has_more : Boolean(options.startingAfter);
  const hasOlder = isGoingBack ? true : page.has_more;
  return { customers, nextCursor: hasOlder ? last : null, previousCursor: hasNewer ? first : null };
}
