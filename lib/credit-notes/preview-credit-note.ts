// Shows what a credit note would do before anything is created: its total, and how it splits between what is
// still due (lowering amount_remaining) and what is already paid (refund, balance credit or outside Stripe).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { buildCreditNoteRequest, retrieveInvoiceWithLines, toCreditNoteActionError, type CreditNoteRequestInput } from './credit-note-request';

export interface CreditNotePreview {
  currency: string;
  total: number;
  lines: { description: string; amount: number }[];
  prePaymentAmount: number;
  postPaymentAmount: number;
  refundAmount: number;
  creditAmount: number;
  outOfBandAmount: number;
  amountRemainingBefore: number;
  amountRemainingAfter: number;
  creditableBefore: number;
  creditableAfter: number;
}

export async function previewCreditNote(input: CreditNoteRequestInput, dependencies: { stripe?: Stripe } = {}): Promise<CreditNotePreview> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const { invoice, lines } = await retrieveInvoiceWithLines(input.invoiceId, stripe);
  const request = buildCreditNoteRequest(input, invoice, lines);
  const preview = await stripe.creditNotes.preview(request.params).catch((error: unknown) => Promise.reject(toCreditNoteActionError(error)));
  const creditableBefore = invoice.total - invoice.pre_payment_credit_notes_amount - invoice.post_payment_credit_notes_amount;
  return {
    currency: preview.currency,
    total: preview.total,
    lines: preview.lines.data.map((line) => ({ description: line.description ?? 'Credit', amount: line.amount })),
    prePaymentAmount: preview.pre_payment_amount,
    postPaymentAmount: preview.post_payment_amount,
    refundAmount: request.params.refund_amount ?? 0,
    creditAmount: request.params.credit_amount ?? 0,
    outOfBandAmount: preview.out_of_band_amount ?? 0,
    amountRemainingBefore: invoice.amount_remaining,
    amountRemainingAfter: invoice.amount_remaining - preview.pre_payment_amount,
    creditableBefore,
    creditableAfter: creditableBefore - preview.total,
  };
}
