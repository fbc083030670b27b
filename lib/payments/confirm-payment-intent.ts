// Confirms a manually confirmed PaymentIntent from the dashboard with one of its customer's saved cards.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { toPaymentActionError, wrongState } from './payment-errors';
import { projectChargeResponse, projectPaymentIntentResponse } from './project-payment-response';

export interface ConfirmPaymentIntentOptions {
  paymentIntentId: string;
  paymentMethodId: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

type ConfirmDb = Pick<Db, 'auditEntry' | 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund'>;

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation'];

export async function confirmPaymentIntent(
  options: ConfirmPaymentIntentOptions,
  dependencies: { stripe?: Stripe; db?: ConfirmDb } = {},
): Promise<{ id: string; status: Stripe.PaymentIntent.Status }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'confirm-payment-intent';
  const idempotencyKey = submissionIdempotencyKey({ action, actor: options.actor, nonce: options.idempotencyNonce });

  const before = await stripe.paymentIntents.retrieve(options.paymentIntentId);
  // A refusal for the object's state waits for Stripe's answer: when this submission's earlier request ran but its
  // answer was lost, the same key makes Stripe return that result, which must still be audited and projected.
  let stateRefusal: Error | null = null;
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    if (before.confirmation_method !== 'manual') throw new ActionError('conflict', 'This payment is confirmed by the customer in the browser, not from the dashboard.');
    if (!CONFIRMABLE.includes(before.status)) stateRefusal = wrongState('confirmed', before.status);
    const customerId = typeof before.customer === 'string' ? before.customer : before.customer?.id;
    if (!customerId) throw new ActionError('conflict', 'This payment has no customer, so there is no saved card to confirm it with.');
    const card = await stripe.paymentMethods.retrieve(options.paymentMethodId).catch((error: unknown) => {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
      throw error;
    });
    const owner = card && (typeof card.customer === 'string' ? card.customer : card.customer?.id);
    if (owner !== customerId) throw new ActionError('invalid_input', 'Choose one of this customer’s saved cards.', { paymentMethodId: 'Choose one of this customer’s saved cards.' });
  }

  let intent: Stripe.Response<Stripe.PaymentIntent>;
  let failure: unknown = null;
  try {
    intent = await stripe.paymentIntents.confirm(options.paymentIntentId, { payment_method: options.paymentMethodId }, { idempotencyKey });
  } catch (error) {
    if (stateRefusal) throw stateRefusal;
    if (!(error instanceof Stripe.errors.StripeCardError)) throw toPaymentActionError(error);
    // A decline still changed the intent (back to requires_payment_method, with the error): record and show that.
    failure = error;
    intent = await stripe.paymentIntents.retrieve(options.paymentIntentId);
  }
  const declined = failure instanceof Stripe.errors.StripeCardError ? failure : null;
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: intent.id,
      amount: intent.amount,
      currency: intent.currency,
      stripeRequestId: declined ? declined.requestId : intent.lastResponse.requestId,
      idempotencyKey,
      detail: { paymentMethod: options.paymentMethodId, outcome: declined ? 'declined' : intent.status, declineCode: declined?.decline_code ?? declined?.code ?? null },
    },
    db,
  );
  await projectPaymentIntentResponse(intent, db);
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (chargeId) await projectChargeResponse(await stripe.charges.retrieve(chargeId), db);
  if (declined) throw toPaymentActionError(declined);
  return { id: intent.id, status: intent.status };
}
