// Refunds an order's charge with the seller's share and the platform's fee given back in proportion
// (reverse_transfer, refund_application_fee), so the platform does not carry a refund the seller was paid for.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { formatMinorAmount, parseMajorAmount } from '@/lib/money';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface RefundOrderChargeOptions {
  chargeId: string;
  /** in major units as typed, in the charge's currency; absent refunds what is left */
  amount?: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

/** Why this charge can't be refunded by this amount, or null. */
function orderRefundRefusal(charge: Stripe.Charge, amount: number | undefined): ActionError | null {
  if (!charge.transfer_data?.destination) return new ActionError('conflict', 'This charge did not pay a seller; refund it from its payment page.');
  const refundable = charge.amount_captured - charge.amount_refunded;
  if (refundable <= 0) return new ActionError('conflict', 'Nothing is left to refund on this charge.');
  if (amount !== undefined && amount > refundable) {
    const message = `At most ${formatMinorAmount(refundable, charge.currency)} can still be refunded.`;
    return new ActionError('invalid_input', message, { amount: message });
  }
  return null;
}

export async function refundOrderCharge(
  options: RefundOrderChargeOptions,
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {},
): Promise<{ refundId: string; amount: number; currency: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'refund-order-charge';
  const idempotencyKey = submissionIdempotencyKey({ action, actor: options.actor, nonce: options.idempotencyNonce, objectId: options.chargeId });
  // Stripe's current charge, not the projection: what is refundable must count every refund made so far.
  const charge = await stripe.charges.retrieve(options.chargeId);
  let amount: number | undefined;
  if (options.amount) {
    const parsed = parseMajorAmount(options.amount, charge.currency);
    if (!parsed.ok) throw new ActionError('invalid_input', parsed.message, { amount: parsed.message });
    amount = parsed.minor;
  }
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    const refusal = orderRefundRefusal(charge, amount);
    // Unless it was this very form, sent before, whose answer was lost (its refund is why nothing is left): then
    // Stripe replays that refund.
    if (refusal && !(await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['charge.refunded'], since: charge.created }))) throw refusal;
  }
  // A full refund leaves `amount` out, so a replay sends exactly the same request.
  const refund = await stripe.refunds.create({ charge: charge.id, amount, reverse_transfer: true, refund_application_fee: true }, { idempotencyKey });
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      stripeRequestId: refund.lastResponse.requestId,
      idempotencyKey,
      detail: { charge: charge.id, transferGroup: charge.transfer_group ?? null, isFull: amount === undefined },
    },
    db,
  );
  return { refundId: refund.id, amount: refund.amount, currency: refund.currency };
}
