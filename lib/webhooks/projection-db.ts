// The projection tables as ORM models, for the code that reads them generically (sync progress, reconciliation).
// Writes go through raw statements (lib/webhooks/upsert-projection-row.ts).
import type { Db } from '@/lib/db/client';

export type ProjectionDb = Pick<Db, '$executeRaw' | '$queryRaw' | 'stripeCustomer' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund' | 'stripeDispute' | 'stripeSetupIntent' | 'stripeQuote' | 'stripeInvoice' | 'stripeCreditNote' | 'connectedAccount' | 'connectedAccountRequirementChange' | 'stripeTransfer' | 'stripeApplicationFee' | 'stripePayout'>;

/** Who wrote a projection row: a verified event, a create call's own response, or a read from Stripe. */
export type ProjectionSource = 'webhook' | 'api_response' | 'sync';
