// Paying an invoice (`POST /v1/invoices/{id}/pay`): out of band, or off-session with a card through a
// PaymentIntent that runs the same card state machine as /v1/payment_intents.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { invalidRequest, StripeApiError } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { finalizeInvoice, markPaid, type Invoice } from './invoice-flow';
import { newId, nowSeconds } from '../store/ids';
import { runConfirmation } from './payment-intent-flow';
import { blankIntent } from './payment-intents';
import { resolvePaymentMethod } from './payment-methods';

export interface PayOptions {
  paymentMethod?: string;
  paidOutOfBand: boolean;
}

/** The PaymentIntent Stripe creates to collect an invoice: cards only, automatic capture, for the invoice's customer. */
function invoiceIntent(invoice: Invoice, paymentMethod: string): Stripe.PaymentIntent {
  return {
    ...blankIntent(invoice.amount_remaining, invoice.currency),
    automatic_payment_methods: null,
    capture_method: 'automatic',
    customer: invoice.customer as string,
    description: 'Payment for Invoice',
    payment_method: paymentMethod,
    status: 'requires_confirmation',
  };
}

function choosePaymentMethod(context: RequestContext, invoice: Invoice, requested: string | undefined): Stripe.PaymentMethod {
  const customer = findOr404(context.account, 'customer', invoice.customer as string, 'customer');
  const fallback = invoice.default_payment_method ?? customer.invoice_settings.default_payment_method;
  const id = requested ?? (typeof fallback === 'string' ? fallback : fallback?.id);
  if (!id) {
    throw invalidRequest(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.',
    );
  }
  const paymentMethod = resolvePaymentMethod(context, id, 'payment_method');
  if (paymentMethod.customer && paymentMethod.customer !== customer.id) {
    throw invalidRequest(`The PaymentMethod provided (${paymentMethod.id}) does not belong to the Customer (${customer.id}).`, {
      param: 'payment_method',
    });
  }
  return paymentMethod;
}

export function payInvoice(context: RequestContext, stored: Invoice, options: PayOptions): Invoice {
  // Stripe finalizes a draft before attempting payment on it.
  const before = stored.status === 'draft' ? finalizeInvoice(context, stored) : stored;
  if (before.status === 'paid') throw invalidRequest('Invoice is already paid');
  if (before.status !== 'open' && before.status !== 'uncollectible') {
    throw invalidRequest(`This invoice can't be paid because it has a status of ${before.status}.`);
  }
  if (options.paidOutOfBand) return markPaid(context, before, before.amount_remaining, { offStripe: true });
  const paymentMethod = choosePaymentMethod(context, before, options.paymentMethod);
  const created = context.account.put('payment_intent', invoiceIntent(before, paymentMethod.id));
  recordEvent(context, 'payment_intent.created', created);
  const attempted: Invoice = { ...before, attempted: true, attempt_count: before.attempt_count + 1 };
  let intent: Stripe.PaymentIntent;
  try {
    // Invoice payments are off-session by default, so a card asking for 3-D Secure declines.
    intent = runConfirmation(context, created, created, { paymentMethod, offSession: true, returnUrl: null, errorOnRequiresAction: true });
  } catch (error) {
    if (error instanceof StripeApiError) {
      const failed = context.account.put('invoice', attempted);
      recordEvent(context, 'invoice.payment_failed', failed, previousAttributes(before, failed));
    }
    throw error;
  }
  const now = nowSeconds();
  context.account.put('invoice_payment', {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: intent.amount_received,
    amount_requested: intent.amount,
    created: now,
    currency: intent.currency,
    invoice: before.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: intent.id },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: now },
  });
  return markPaid(context, context.account.put('invoice', attempted), intent.amount_received, { offStripe: false });
}

/** The PaymentIntent that paid an invoice, if it was paid through Stripe. */
export function paymentIntentOf(context: RequestContext, invoice: Invoice): string | undefined {
  const payment = context.account.all('invoice_payment').find((entry) => entry.invoice === invoice.id && entry.status === 'paid');
  const intent = payment?.payment.payment_intent;
  return typeof intent === 'string' ? intent : intent?.id;
}
