// The client secret the card step needs, read from Stripe with the secret key; handed only to the Payment Element.
import 'server-only';
import Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface PayableIntent {
  clientSecret: string;
  amount: number;
  currency: string;
  /** automatic confirmation and still waiting for a payment method */
  isPayableInBrowser: boolean;
}

export async function retrieveClientSecret(options: { paymentIntentId: string }, dependencies: { stripe?: Stripe } = {}): Promise<PayableIntent | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  try {
    const intent = await stripe.paymentIntents.retrieve(options.paymentIntentId);
    if (!intent.client_secret) return null;
    return {
      clientSecret: intent.client_secret,
      amount: intent.amount,
      currency: intent.currency,
      isPayableInBrowser: intent.confirmation_method === 'automatic' && intent.status === 'requires_payment_method',
    };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
}
