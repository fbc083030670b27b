// The plain payment data pages show, built from Stripe's PaymentIntent, its latest Charge and its Refunds.
import type Stripe from 'stripe';
import { explainPaymentFailure, type PaymentFailure } from './explain-decline';

/** Card authorizations stay capturable for 7 days (Stripe, "Place a hold on a payment method"). */
export const CARD_AUTHORIZATION_SECONDS = 7 * 24 * 60 * 60;

export interface RefundView {
  id: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  created: number;
  isConfirming: boolean;
}

export interface ChargeView {
  id: string;
  status: string;
  amount: number;
  amountCaptured: number;
  amountRefunded: number;
  isCaptured: boolean;
  isDisputed: boolean;
  cardBrand: string | null;
  cardLast4: string | null;
  outcomeType: string | null;
  riskLevel: string | null;
  sellerMessage: string | null;
  /** Unix seconds after which an uncaptured authorization can no longer be captured */
  captureBefore: number | null;
  isConfirming: boolean;
}

export interface PaymentView {
  id: string;
  status: Stripe.PaymentIntent.Status;
  amount: number;
  amountCapturable: number;
  amountReceived: number;
  currency: string;
  customerId: string | null;
  description: string | null;
  metadata: Record<string, string>;
  captureMethod: Stripe.PaymentIntent.CaptureMethod;
  confirmationMethod: Stripe.PaymentIntent.ConfirmationMethod;
  paymentMethodId: string | null;
  cancellationReason: string | null;
  lastPaymentError: PaymentFailure | null;
  created: number;
  charge: ChargeView | null;
  refunds: RefundView[];
  /** what can still be refunded: captured, less every refund that succeeded or may still succeed */
  refundable: number;
  /** shown from an action's own response; no webhook has confirmed this state yet */
  isConfirming: boolean;
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);

export function toChargeView(charge: Stripe.Charge, isConfirming = false): ChargeView {
  const card = charge.payment_method_details?.card;
  const captureBefore = charge.captured ? null : (card?.capture_before ?? (charge.status === 'succeeded' ? charge.created + CARD_AUTHORIZATION_SECONDS : null));
  return {
    id: charge.id,
    status: charge.status,
    amount: charge.amount,
    amountCaptured: charge.amount_captured,
    amountRefunded: charge.amount_refunded,
    isCaptured: charge.captured,
    isDisputed: charge.disputed,
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    outcomeType: charge.outcome?.type ?? null,
    riskLevel: charge.outcome?.risk_level ?? null,
    sellerMessage: charge.outcome?.seller_message ?? null,
    captureBefore,
    isConfirming,
  };
}

export function toRefundView(refund: Stripe.Refund, isConfirming = false): RefundView {
  return { id: refund.id, amount: refund.amount, currency: refund.currency, status: refund.status ?? 'pending', reason: refund.reason, created: refund.created, isConfirming };
}

/** Refunds that took, or may still take, money back: pending ones count, so nobody refunds the same money twice. */
const isActiveRefund = (refund: RefundView) => refund.status === 'succeeded' || refund.status === 'pending' || refund.status === 'requires_action';

export function refundableAmount(charge: ChargeView | null, refunds: RefundView[]): number {
  if (!charge || charge.status !== 'succeeded' || !charge.isCaptured) return 0;
  const refunded = refunds.filter(isActiveRefund).reduce((sum, refund) => sum + refund.amount, 0);
  // The charge's own figure counts what a partial capture released; whichever leaves less is the truth.
  return Math.max(0, Math.min(charge.amountCaptured - refunded, charge.amount - charge.amountRefunded));
}

export function toPaymentView(
  intent: Stripe.PaymentIntent,
  related: { charge: ChargeView | null; refunds: RefundView[]; isConfirming?: boolean },
): PaymentView {
  const refunds = [...related.refunds].sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
  return {
    id: intent.id,
    status: intent.status,
    amount: intent.amount,
    amountCapturable: intent.amount_capturable,
    amountReceived: intent.amount_received,
    currency: intent.currency,
    customerId: idOf(intent.customer),
    description: intent.description,
    metadata: { ...intent.metadata },
    captureMethod: intent.capture_method,
    confirmationMethod: intent.confirmation_method,
    paymentMethodId: idOf(intent.payment_method),
    cancellationReason: intent.cancellation_reason,
    lastPaymentError: intent.last_payment_error ? explainPaymentFailure(intent.last_payment_error) : null,
    created: intent.created,
    charge: related.charge,
    refunds,
    refundable: refundableAmount(related.charge, refunds),
    isConfirming: related.isConfirming ?? false,
  };
}

/** Which actions the status allows; the page shows only these, and the domain functions check again. */
export function availableActions(payment: PaymentView) {
  return {
    canCollectInBrowser: payment.confirmationMethod === 'automatic' && payment.status === 'requires_payment_method',
    canConfirm:
      payment.confirmationMethod === 'manual' && (payment.status === 'requires_confirmation' || payment.status === 'requires_payment_method') && payment.customerId !== null,
    canCapture: payment.status === 'requires_capture' && payment.amountCapturable > 0,
    // Stripe's cancelable statuses ("Cancel a PaymentIntent"); processing only in rare cases, which Stripe decides.
    canCancel: ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture', 'processing'].includes(payment.status),
    canRefund: payment.refundable > 0 && !(payment.charge?.isDisputed ?? false),
  };
}
