// Lists a payment's refunds, newest first, straight from Stripe.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toRefundView, type RefundView } from './payment-view';

export async function listRefunds(options: { paymentIntentId: string }, dependencies: { stripe?: Stripe } = {}): Promise<RefundView[]> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const refunds: RefundView[] = [];
  for await (const refund of stripe.refunds.list({ payment_intent: options.paymentIntentId, limit: 100 })) refunds.push(toRefundView(refund));
  return refunds.sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
}
