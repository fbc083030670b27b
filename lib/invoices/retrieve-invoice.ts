// One invoice for its page: Stripe's current invoice, lines and credit notes, beside the webhook-confirmed status.
import 'server-only';
import Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { idOf } from '@/lib/webhooks/compare-state';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface InvoiceLineView {
  id: string;
  description: string;
  quantity: number;
  amount: number;
}

export interface InvoiceCreditNoteView {
  id: string;
  number: string;
  status: string;
  total: number;
  type: string;
  reason: string | null;
  memo: string | null;
  refundAmount: number;
  creditAmount: number;
  outOfBandAmount: number;
  created: number;
}

export interface InvoiceDetail {
  id: string;
  status: string;
  number: string | null;
  customerId: string | null;
  currency: string;
  total: number;
  amountDue: number;
  amountPaid: number;
  amountRemaining: number;
  prePaymentCredited: number;
  postPaymentCredited: number;
  /** total minus every issued credit note: the most a new credit note can be */
  creditable: number;
  quoteId: string | null;
  subscriptionId: string | null;
  created: number;
  lines: InvoiceLineView[];
  creditNotes: InvoiceCreditNoteView[];
  /** the status the invoice.* webhooks confirmed; null until one arrives */
  confirmedStatus: string | null;
}

export function creditableOf(invoice: Pick<Stripe.Invoice, 'total' | 'pre_payment_credit_notes_amount' | 'post_payment_credit_notes_amount'>): number {
  return Math.max(0, invoice.total - invoice.pre_payment_credit_notes_amount - invoice.post_payment_credit_notes_amount);
}

function toCreditNoteView(note: Stripe.CreditNote): InvoiceCreditNoteView {
  const refunded = note.refunds.reduce((sum, refund) => sum + refund.amount_refunded, 0);
  const outOfBand = note.out_of_band_amount ?? 0;
  return {
    id: note.id,
    number: note.number,
    status: note.status,
    total: note.total,
    type: note.type,
    reason: note.reason,
    memo: note.memo,
    refundAmount: refunded,
    creditAmount: note.customer_balance_transaction ? Math.max(0, note.post_payment_amount - outOfBand - refunded) : 0,
    outOfBandAmount: outOfBand,
    created: note.created,
  };
}

export async function retrieveInvoice(options: { invoiceId: string }, dependencies: { stripe?: Stripe; db?: Pick<Db, 'stripeInvoice'> } = {}): Promise<InvoiceDetail | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  let invoice: Stripe.Invoice;
  try {
    invoice = await stripe.invoices.retrieve(options.invoiceId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
  const [lines, notes, row] = await Promise.all([
    stripe.invoices.listLineItems(invoice.id, { limit: 100 }),
    stripe.creditNotes.list({ invoice: invoice.id, limit: 100 }),
    db.stripeInvoice.findUnique({ where: { id: invoice.id }, select: { status: true } }),
  ]);
  return {
    id: invoice.id,
    status: invoice.status ?? 'draft',
    number: invoice.number,
    customerId: idOf(invoice.customer),
    currency: invoice.currency,
    total: invoice.total,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    prePaymentCredited: invoice.pre_payment_credit_notes_amount,
    postPaymentCredited: invoice.post_payment_credit_notes_amount,
    creditable: creditableOf(invoice),
    quoteId: invoice.parent?.quote_details?.quote ?? null,
    subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    created: invoice.created,
    lines: lines.data.map((line) => ({ id: line.id, description: line.description ?? '', quantity: line.quantity ?? 1, amount: line.amount })),
    creditNotes: notes.data.map(toCreditNoteView),
    confirmedStatus: row?.status ?? null,
  };
}
