// A customer's saved cards, for confirming a payment from the dashboard.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface SavedCard {
  id: string;
  label: string;
}

export async function listSavedCards(options: { customerId: string }, dependencies: { stripe?: Stripe } = {}): Promise<SavedCard[]> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const page = await stripe.paymentMethods.list({ customer: options.customerId, type: 'card', limit: 100 });
  return page.data.map((method) => ({
    id: method.id,
    label: method.card ? `${method.card.brand} ending ${method.card.last4} (expires ${String(method.card.exp_month).padStart(2, '0')}/${method.card.exp_year})` : method.id,
  }));
}
