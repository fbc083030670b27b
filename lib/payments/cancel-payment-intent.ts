// Cancels a PaymentIntent that has not been paid (releasing an authorization), with one of Stripe's reasons.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import type { CANCELLATION_REASONS } from './payment-input';
import { toPaymentActionError, wrongState } from './payment-errors';
import { projectChargeResponse, projectPaymentIntentResponse } from './project-payment-response';

export interface CancelPaymentIntentOptions {
  paymentIntentId: string;
  reason: (typeof CANCELLATION_REASONS)[number];
  idempotencyNonce: string;
  actor: SessionUser;
}

type CancelDb = Pick<Db, 'auditEntry' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

/** Stripe's cancelable statuses ("Cancel a PaymentIntent"). */
const CANCELABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture', 'processing'];

export async function cancelPaymentIntent(
  options: CancelPaymentIntentOptions,
  dependencies: { stripe?: Stripe; db?: CancelDb } = {},
): Promise<{ id: string; status: Stripe.PaymentIntent.Status }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'cancel-payment-intent';
  const idempotencyKey = submissionIdempotencyKey({ action, actor: options.actor, nonce: options.idempotencyNonce });

  const before = await stripe.paymentIntents.retrieve(options.paymentIntentId);
  // A refusal for the object's state waits for Stripe's answer: when this submission's earlier request ran but its
  // answer was lost, the same key makes Stripe return that result, which must still be audited and projected.
  const stateRefusal = !(await isReplayedSubmission(action, idempotencyKey, db)) && !CANCELABLE.includes(before.status) ? wrongState('canceled', before.status) : null;

  const intent = await stripe.paymentIntents
    .cancel(options.paymentIntentId, { cancellation_reason: options.reason }, { idempotencyKey })
    .catch((error: unknown) => Promise.reject(stateRefusal ?? toPaymentActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: intent.id,
      amount: before.amount_capturable || undefined,
      currency: intent.currency,
      stripeRequestId: intent.lastResponse.requestId,
      idempotencyKey,
      detail: { reason: options.reason, previousStatus: before.status },
    },
    db,
  );
  await projectPaymentIntentResponse(intent, db);
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (chargeId) await projectChargeResponse(await stripe.charges.retrieve(chargeId), db);
  return { id: intent.id, status: intent.status };
}
