// A connected account's balance, read live with the Stripe-Account header.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';

/** The balance as Stripe has it now (not projected: no event carries a connected account's balance). */
export async function retrieveAccountBalance(options: { accountId: string }, dependencies: { stripe?: Stripe } = {}): Promise<Stripe.Balance> {
  const stripe = dependencies.stripe ?? defaultStripe();
  return stripe.balance.retrieve({}, { stripeAccount: options.accountId });
}
