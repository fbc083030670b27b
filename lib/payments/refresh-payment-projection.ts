// Reads a payment from Stripe after the customer paid in the browser, and puts what it shows into the projection
// (as an api_response, never over newer webhook state), so its page shows the outcome before the webhooks land.
import 'server-only';
import Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import type { PaymentView } from './payment-view';
import { projectChargeResponse, projectPaymentIntentResponse } from './project-payment-response';
import { retrievePayment, retrievePaymentFromStripe } from './retrieve-payment';

type RefreshDb = Pick<Db, 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund' | 'stripeDispute'>;

export async function refreshPaymentProjection(options: { paymentIntentId: string }, dependencies: { stripe?: Stripe; db?: RefreshDb } = {}): Promise<PaymentView | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  try {
    const { intent, charge } = await retrievePaymentFromStripe(options.paymentIntentId, stripe);
    await projectPaymentIntentResponse(intent, db);
    if (charge) await projectChargeResponse(charge, db);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
  return retrievePayment(options, { stripe, db });
}
