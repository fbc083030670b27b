// The active prices a quote line can use, labelled with their product, amount and interval.
import 'server-only';
import type Stripe from 'stripe';
import { formatMinorAmount } from '@/lib/money';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface QuotePriceOption {
  id: string;
  label: string;
  currency: string;
}

function productName(product: Stripe.Price['product']): string {
  return typeof product === 'string' ? product : 'deleted' in product && product.deleted ? 'Deleted product' : (product as Stripe.Product).name;
}

export async function listQuotePrices(dependencies: { stripe?: Stripe } = {}): Promise<QuotePriceOption[]> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const prices = await stripe.prices.list({ active: true, limit: 100, expand: ['data.product'] });
  return prices.data
    .filter((price) => price.unit_amount !== null)
    .map((price) => {
      const every = price.recurring ? ` / ${price.recurring.interval_count > 1 ? `${price.recurring.interval_count} ` : ''}${price.recurring.interval}` : '';
      return { id: price.id, currency: price.currency, label: `${productName(price.product)} — ${formatMinorAmount(price.unit_amount ?? 0, price.currency)}${every}` };
    });
}
