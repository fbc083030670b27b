// The slice of the database the projection writes: the tables one event may touch, inside its transaction.
import type { Db } from '@/lib/db/client';

export type ProjectionDb = Pick<Db, '$executeRaw' | '$queryRaw' | 'stripeCustomer' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund' | 'stripeDispute' | 'stripeSetupIntent' | 'stripeQuote' | 'stripeInvoice' | 'stripeCreditNote' | 'connectedAccount' | 'connectedAccountRequirementChange' | 'stripeTransfer' | 'stripeApplicationFee' | 'stripePayout'>;

/** Who wrote a projection row: a verified event, a create call's own response, or a read from Stripe. */
export type ProjectionSource = 'webhook' | 'api_response' | 'sync';
