// Settles an open invoice: recorded as paid outside Stripe, or charged off-session to a saved card of its customer.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { describePaymentFailure, explainPaymentFailure } from '@/lib/payments/explain-decline';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { idOf } from '@/lib/webhooks/compare-state';
import { isLostAnswerSubmission, isReplayedSubmission, submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { invoiceWrongState } from './invoice-errors';

export interface PayInvoiceOptions {
  invoiceId: string;
  method: 'out_of_band' | 'saved_card';
  paymentMethodId?: string;
  idempotencyNonce: string;
  actor: SessionUser;
}

export async function payInvoice(options: PayInvoiceOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<{ id: string; status: string; amountPaid: number }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'pay-invoice';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.invoiceId, actor: options.actor, nonce: options.idempotencyNonce });
  if (!(await isReplayedSubmission(action, idempotencyKey, db))) {
    const current = await stripe.invoices.retrieve(options.invoiceId);
    const isPayable = current.status === 'open' || current.status === 'uncollectible';
    // Unless it was this very form, sent before, whose answer was lost: then Stripe replays that payment.
    if (!isPayable && !(await isLostAnswerSubmission(stripe, { idempotencyKey, types: ['invoice.paid'], since: current.created }))) {
      throw invoiceWrongState('paid', current.status ?? 'draft');
    }
    if (options.method === 'saved_card') {
      // Only a card the invoice's own customer saved: the id comes from the form, so it is checked here.
      const card = await stripe.paymentMethods.retrieve(options.paymentMethodId ?? '');
      if (idOf(card.customer) !== idOf(current.customer)) throw new ActionError('invalid_input', 'Choose one of this customer’s saved cards.', { paymentMethodId: 'Choose one of this customer’s saved cards.' });
    }
  }
  const params: Stripe.InvoicePayParams = options.method === 'out_of_band' ? { paid_out_of_band: true } : { payment_method: options.paymentMethodId, off_session: true };
  const invoice = await stripe.invoices.pay(options.invoiceId, params, { idempotencyKey }).catch((error: unknown) => {
    if (error instanceof Stripe.errors.StripeCardError) {
      const failure = explainPaymentFailure({ message: error.message, code: error.code, decline_code: error.decline_code });
      return Promise.reject(new ActionError(error.code ?? 'card_declined', `${describePaymentFailure(failure)} The invoice is still open; nothing was paid.`));
    }
    return Promise.reject(error);
  });
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: invoice.id,
      amount: invoice.amount_paid,
      currency: invoice.currency,
      stripeRequestId: invoice.lastResponse.requestId,
      idempotencyKey,
      detail: { method: options.method, paymentMethod: options.paymentMethodId ?? null },
    },
    db,
  );
  return { id: invoice.id, status: invoice.status ?? 'paid', amountPaid: invoice.amount_paid };
}
