// A destination charge for a seller's order: the platform charges the customer, keeps its fee and Stripe transfers
// the rest to the seller on capture. Confirmed afterwards in the Payment Element like any browser payment.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { projectPaymentIntentResponse } from '@/lib/payments/project-payment-response';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { transferGroupOf, type DestinationChargeInput } from './connect-input';

type ChargeDb = Pick<Db, 'auditEntry' | 'connectedAccount' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

export async function createDestinationCharge(
  options: DestinationChargeInput & { actor: SessionUser },
  dependencies: { stripe?: Stripe; db?: ChargeDb } = {},
): Promise<{ paymentIntentId: string; transferGroup: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const account = await db.connectedAccount.findUnique({ where: { id: options.accountId }, select: { chargesEnabled: true } });
  if (!account) throw new ActionError('not_found', 'That connected account is not known here.');
  if (!account.chargesEnabled) throw new ActionError('conflict', 'This seller cannot take charges yet: their onboarding is not complete.');
  const idempotencyKey = submissionIdempotencyKey({ action: 'create-destination-charge', actor: options.actor, nonce: options.idempotencyNonce, objectId: options.accountId });
  const transferGroup = transferGroupOf(options.orderReference);
  const intent = await stripe.paymentIntents.create(
    {
      amount: options.amount,
      currency: options.currency,
      description: options.description,
      application_fee_amount: options.applicationFee > 0 ? options.applicationFee : undefined,
      transfer_data: { destination: options.accountId },
      // The seller is the merchant of record: their name on the statement, their country's card rules.
      on_behalf_of: options.accountId,
      transfer_group: transferGroup,
      metadata: { order: options.orderReference, seller_account: options.accountId },
      automatic_payment_methods: { enabled: true },
    },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'create-destination-charge',
      objectId: intent.id,
      amount: intent.amount,
      currency: intent.currency,
      stripeRequestId: intent.lastResponse.requestId,
      idempotencyKey,
      detail: { destination: options.accountId, applicationFee: options.applicationFee, transferGroup },
    },
    db,
  );
  await projectPaymentIntentResponse(intent, db);
  return { paymentIntentId: intent.id, transferGroup };
}
