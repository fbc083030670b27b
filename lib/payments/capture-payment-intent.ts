// Captures an authorized PaymentIntent in full or in part, once per submitted form.
import 'server-only';
import type Stripe from 'stripe';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { parseMajorAmount } from '@/lib/money';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { aboveAvailable, amountError, toPaymentActionError, wrongState } from './payment-errors';
import { projectChargeResponse, projectPaymentIntentResponse } from './project-payment-response';

export interface CapturePaymentIntentOptions {
  paymentIntentId: string;
  /** in major units as typed, in the intent's currency; blank or absent captures everything capturable */
  amount?: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

type CaptureDb = Pick<Db, 'auditEntry' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

export async function capturePaymentIntent(
  options: CapturePaymentIntentOptions,
  dependencies: { stripe?: Stripe; db?: CaptureDb } = {},
): Promise<{ id: string; status: Stripe.PaymentIntent.Status; amountReceived: number }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'capture-payment-intent';
  const idempotencyKey = submissionIdempotencyKey({ action, actor: options.actor, nonce: options.idempotencyNonce });

  const before = await stripe.paymentIntents.retrieve(options.paymentIntentId);
  let amountToCapture: number | undefined;
  if (options.amount) {
    const parsed = parseMajorAmount(options.amount, before.currency);
    if (!parsed.ok) throw amountError(parsed.message);
    amountToCapture = parsed.minor;
  }
  // A refusal for the object's state waits for Stripe's answer: when this submission's earlier request ran but its
  // answer was lost, the same key makes Stripe return that result, which must still be audited and projected.
  let stateRefusal: Error | null = null;
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    if (before.status !== 'requires_capture') stateRefusal = wrongState('captured', before.status);
    else if (amountToCapture !== undefined && amountToCapture > before.amount_capturable) throw aboveAvailable('captured', before.amount_capturable, before.currency);
  }

  const intent = await stripe.paymentIntents
    .capture(options.paymentIntentId, amountToCapture === undefined ? {} : { amount_to_capture: amountToCapture }, { idempotencyKey })
    .catch((error: unknown) => Promise.reject(stateRefusal ?? toPaymentActionError(error)));
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: intent.id,
      amount: intent.amount_received,
      currency: intent.currency,
      stripeRequestId: intent.lastResponse.requestId,
      idempotencyKey,
      detail: { authorized: before.amount, captured: intent.amount_received, isPartial: intent.amount_received < before.amount_capturable },
    },
    db,
  );
  await projectPaymentIntentResponse(intent, db);
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (chargeId) await projectChargeResponse(await stripe.charges.retrieve(chargeId), db);
  return { id: intent.id, status: intent.status, amountReceived: intent.amount_received };
}
