// Reads one payment (intent, latest charge, refunds): from the projection when it has the intent, else from Stripe.
import 'server-only';
import Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { listRefunds } from './list-refunds';
import { toChargeView, toPaymentView, toRefundView, type ChargeView, type PaymentView, type RefundView } from './payment-view';

type PaymentReadDb = Pick<Db, 'stripePaymentIntent' | 'stripeCharge' | 'stripeRefund' | 'stripeDispute'>;

const isConfirming = (row: { updatedFromEventId: string | null }) => row.updatedFromEventId === null;

async function fromProjection(paymentIntentId: string, db: PaymentReadDb, stripe: Stripe): Promise<PaymentView | null> {
  const intentRow = await db.stripePaymentIntent.findUnique({ where: { id: paymentIntentId } });
  if (!intentRow) return null;
  const intent = JSON.parse(intentRow.raw) as Stripe.PaymentIntent;
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  let charge: ChargeView | null = null;
  if (chargeId) {
    const chargeRow = await db.stripeCharge.findUnique({ where: { id: chargeId } });
    // A charge no webhook has brought yet is read from Stripe rather than left out.
    charge = chargeRow ? toChargeView(JSON.parse(chargeRow.raw) as Stripe.Charge, isConfirming(chargeRow)) : toChargeView(await stripe.charges.retrieve(chargeId), true);
    // Stripe sends no charge event when a dispute opens; the dispute's own events put it in the dispute projection.
    if (!charge.isDisputed && (chargeRow?.isDisputed || (await db.stripeDispute.findFirst({ where: { chargeId }, select: { id: true } })))) {
      charge = { ...charge, isDisputed: true };
    }
  }
  const refundRows = await db.stripeRefund.findMany({ where: { paymentIntentId }, orderBy: [{ created: 'desc' }, { id: 'desc' }] });
  const refunds: RefundView[] = refundRows.map((row) => toRefundView(JSON.parse(row.raw) as Stripe.Refund, isConfirming(row)));
  return toPaymentView(intent, { charge, refunds, isConfirming: isConfirming(intentRow) });
}

/** The payment as Stripe has it now (also what the return page and the actions use to check state). */
export async function retrievePaymentFromStripe(paymentIntentId: string, stripe: Stripe): Promise<{ view: PaymentView; intent: Stripe.PaymentIntent; charge: Stripe.Charge | null }> {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  const charge = chargeId ? await stripe.charges.retrieve(chargeId) : null;
  const refunds = charge ? await listRefunds({ paymentIntentId: intent.id }, { stripe }) : [];
  return { view: toPaymentView(intent, { charge: charge ? toChargeView(charge) : null, refunds }), intent, charge };
}

/** null when Stripe has no such payment. */
export async function retrievePayment(
  options: { paymentIntentId: string },
  dependencies: { stripe?: Stripe; db?: PaymentReadDb } = {},
): Promise<PaymentView | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  // The projection mirrors the app's own account; a caller with another account's client and no db asks Stripe.
  const db = dependencies.db ?? (dependencies.stripe ? undefined : defaultDb);
  const projected = db ? await fromProjection(options.paymentIntentId, db, stripe) : null;
  if (projected) return projected;
  try {
    return (await retrievePaymentFromStripe(options.paymentIntentId, stripe)).view;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
}
