// Lists customers a page at a time (Stripe cursors), optionally only those with an exact email.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toCustomerView, type CustomerView } from './customer-view';

export interface ListCustomersOptions {
  email?: string;
  startingAfter?: string;
  endingBefore?: string;
  limit?: number;
}

export interface CustomerPage {
  customers: CustomerView[];
  /** pass as `startingAfter` for the next (older) page, when there is one */
  nextCursor: string | null;
  /** pass as `endingBefore` for the previous (newer) page, when there is one */
  previousCursor: string | null;
}

export async function listCustomers(options: ListCustomersOptions = {}, dependencies: { stripe?: Stripe } = {}): Promise<CustomerPage> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const isGoingBack = Boolean(options.endingBefore) && !options.startingAfter;
  const page = await stripe.customers.list({
    limit: Math.min(Math.max(options.limit ?? 20, 1), 100),
    email: options.email,
    ...(isGoingBack ? { ending_before: options.endingBefore } : { starting_after: options.startingAfter }),
  });
  const customers = page.data.map(toCustomerView);
  const first = customers[0]?.id ?? null;
  const last = customers.at(-1)?.id ?? null;
  // Stripe's has_more looks in the direction we travelled; the other direction is known from how we got here.
  const hasNewer = isGoingBack ? page.has_more : Boolean(options.startingAfter);
  const hasOlder = isGoingBack ? true : page.has_more;
  return { customers, nextCursor: hasOlder ? last : null, previousCursor: hasNewer ? first : null };
}
