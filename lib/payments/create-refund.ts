// Refunds a payment in full or in part, once per submitted form, within what is refundable and the actor's limit.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import { canRefund } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { formatMinorAmount, parseMajorAmount } from '@/lib/money';
import { getSupportRefundLimit } from '@/lib/settings/get-support-refund-limit';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import type { REFUND_REASONS } from './payment-input';
import { aboveAvailable, amountError, toPaymentActionError } from './payment-errors';
import { toRefundView, type RefundView } from './payment-view';
import { projectChargeResponse, projectRefundResponse } from './project-payment-response';
import { retrievePaymentFromStripe } from './retrieve-payment';

export interface CreateRefundOptions {
  paymentIntentId: string;
  /** in major units as typed, in the payment's currency; blank or absent refunds everything still refundable */
  amount?: string;
  reason?: (typeof REFUND_REASONS)[number];
  idempotencyNonce: string;
  actor: SessionUser;
}

type RefundDb = Pick<Db, 'auditEntry' | 'setting' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

export async function createRefund(options: CreateRefundOptions, dependencies: { stripe?: Stripe; db?: RefundDb } = {}): Promise<RefundView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'create-refund';

  // Stripe's current state, not the projection's: what is refundable must count every refund made so far.
  const { view } = await retrievePaymentFromStripe(options.paymentIntentId, stripe);
  let amount: number | undefined;
  if (options.amount) {
    const parsed = parseMajorAmount(options.amount, view.currency);
    if (!parsed.ok) throw amountError(parsed.message);
    amount = parsed.minor;
  }
  // The amount is part of what the user asked: a double-click or retry of this form sends the same key, while a
  // corrected amount after a refusal is a new request (Stripe keeps a refused request's answer under its key).
  const idempotencyKey = submissionIdempotencyKey({ action, actor: options.actor, nonce: `${options.idempotencyNonce}:${amount ?? 'rest'}` });
  // A refusal for the object's state waits for Stripe's answer: when this submission's earlier request ran but its
  // answer was lost, the same key makes Stripe return that result, which must still be audited and projected.
  let stateRefusal: Error | null = null;
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    if (view.charge?.isDisputed) throw new ActionError('conflict', 'This payment is disputed; respond to the dispute instead of refunding.');
    const refundedInFull = view.charge?.isCaptured && view.status === 'succeeded';
    if (view.refundable === 0 && !refundedInFull) throw new ActionError('conflict', 'Nothing can be refunded: no money has been captured.');
    if (view.refundable === 0) stateRefusal = new ActionError('conflict', 'Nothing can be refunded: it has been refunded in full.');
    else if (amount !== undefined && amount > view.refundable) stateRefusal = aboveAvailable('refunded', view.refundable, view.currency);
    const refunding = amount ?? view.refundable;
    const limit = await getSupportRefundLimit(db);
    if (!stateRefusal && !canRefund(options.actor.role, refunding, limit)) {
      const message = `Your role can refund at most ${formatMinorAmount(limit, view.currency)} at a time; ask an admin to refund ${formatMinorAmount(refunding, view.currency)}.`;
      throw new ActionError('over_limit', message, { amount: message });
    }
  }

  // A full refund leaves `amount` out (Stripe refunds the rest), so a replay sends exactly the same request.
  const refund = await stripe.refunds
    .create({ payment_intent: options.paymentIntentId, amount, reason: options.reason }, { idempotencyKey })
    .catch((error: unknown) => Promise.reject(stateRefusal ?? toPaymentActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      stripeRequestId: refund.lastResponse.requestId,
      idempotencyKey,
      detail: { paymentIntent: options.paymentIntentId, reason: options.reason ?? null, isFull: amount === undefined },
    },
    db,
  );
  await projectRefundResponse(refund, db);
  const chargeId = typeof refund.charge === 'string' ? refund.charge : refund.charge?.id;
  if (chargeId) await projectChargeResponse(await stripe.charges.retrieve(chargeId), db);
  return toRefundView(refund, true);
}
