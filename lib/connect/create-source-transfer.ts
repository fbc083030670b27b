// Separate charges and transfers: move part of a captured charge to a seller, funded by that charge
// (`source_transaction`), for orders a destination charge cannot describe (split across sellers, seller chosen later).
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { parseMajorAmount } from '@/lib/money';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import type { SourceTransferInput } from './connect-input';

export async function createSourceTransfer(
  options: SourceTransferInput & { actor: SessionUser },
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {},
): Promise<{ transferId: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const charge = await retrieveCharge(stripe, options.chargeId);
  const amount = parseMajorAmount(options.amount, charge.currency);
  if (!amount.ok) throw new ActionError('invalid_input', amount.message, { amount: amount.message });
  const idempotencyKey = submissionIdempotencyKey({ action: 'create-transfer', actor: options.actor, nonce: options.idempotencyNonce, objectId: options.chargeId });
  const transfer = await stripe.transfers.create(
    {
      amount: amount.minor,
      currency: charge.currency,
      destination: options.accountId,
      source_transaction: charge.id,
      // The order's other transfers and the charge reconcile together.
      transfer_group: charge.transfer_group ?? `charge_${charge.id}`,
    },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'create-transfer',
      objectId: transfer.id,
      amount: transfer.amount,
      currency: transfer.currency,
      stripeRequestId: transfer.lastResponse.requestId,
      idempotencyKey,
      detail: { destination: options.accountId, sourceTransaction: charge.id },
    },
    db,
  );
  return { transferId: transfer.id };
}

async function retrieveCharge(stripe: Stripe, chargeId: string): Promise<Stripe.Charge> {
  try {
    return await stripe.charges.retrieve(chargeId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
      throw new ActionError('not_found', 'Stripe has no charge with that id.', { chargeId: 'Stripe has no charge with that id.' });
    }
    throw error;
  }
}
