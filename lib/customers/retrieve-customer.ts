// Reads one customer from Stripe; null when it doesn't exist or was deleted.
import 'server-only';
import Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toCustomerView, type CustomerView } from './customer-view';

export async function retrieveCustomer(options: { customerId: string }, dependencies: { stripe?: Stripe } = {}): Promise<CustomerView | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  try {
    const customer = await stripe.customers.retrieve(options.customerId);
    return customer.deleted ? null : toCustomerView(customer);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
}
