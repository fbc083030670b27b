// A credit-note form → Stripe's parameters, checked against the invoice as Stripe has it now: what is asked must
// fit in what is still creditable, and the part above what is still due goes where the form says.
import 'server-only';
import Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { creditableOf } from '@/lib/invoices/retrieve-invoice';
import { formatMinorAmount, parseMajorAmount } from '@/lib/money';
import type { CreditNoteFormInput } from './credit-note-input';

export type CreditNoteRequestInput = Omit<CreditNoteFormInput, 'idempotencyNonce'>;

export interface CreditNoteRequest {
  params: Stripe.CreditNoteCreateParams;
  total: number;
  prePaymentAmount: number;
  postPaymentAmount: number;
}

function amountFieldError(message: string): ActionError {
  return new ActionError('invalid_input', message, { amount: message });
}

/** The invoice and all its lines (an invoice object carries only the first page of them). */
export async function retrieveInvoiceWithLines(invoiceId: string, stripe: Stripe): Promise<{ invoice: Stripe.Invoice; lines: Stripe.InvoiceLineItem[] }> {
  const invoice = await stripe.invoices.retrieve(invoiceId);
  const lines = invoice.lines.has_more ? await stripe.invoices.listLineItems(invoiceId, { limit: 100 }).autoPagingToArray({ limit: 1000 }) : invoice.lines.data;
  return { invoice, lines };
}

/**
 * Refuses what the invoice cannot take, in words, before Stripe is asked. `checkLimit: false` builds the request a
 * form sent before asked for, when its own credit note is why nothing is left (its answer was lost).
 */
export function buildCreditNoteRequest(
  input: CreditNoteRequestInput,
  invoice: Stripe.Invoice,
  invoiceLines: Stripe.InvoiceLineItem[],
  options: { checkLimit?: boolean } = {},
): CreditNoteRequest {
  if (invoice.status !== 'open' && invoice.status !== 'paid') {
    throw new ActionError('conflict', `Credit notes are issued on open or paid invoices; this one is ${invoice.status ?? 'a draft'}. Nothing was changed.`);
  }
  let total = 0;
  const params: Stripe.CreditNoteCreateParams = { invoice: invoice.id, reason: input.reason, memo: input.memo };
  if (input.mode === 'lines') {
    params.lines = input.lines.map((line) => {
      const invoiceLine = invoiceLines.find((candidate) => candidate.id === line.id);
      if (!invoiceLine) throw new ActionError('invalid_input', 'That line is not on this invoice. Reload the page.');
      const invoiced = invoiceLine.quantity ?? 1;
      if (line.quantity > invoiced) {
        const message = `At most ${invoiced} can be credited on this line.`;
        throw new ActionError('invalid_input', message, { [`lines.${line.row}.quantity`]: message });
      }
      total += Math.round(invoiceLine.amount / invoiced) * line.quantity;
      return { type: 'invoice_line_item', invoice_line_item: line.id, quantity: line.quantity };
    });
  } else {
    const parsed = parseMajorAmount(input.amount, invoice.currency);
    if (!parsed.ok) throw amountFieldError(parsed.message);
    total = parsed.minor;
    params.amount = total;
  }
  const creditable = creditableOf(invoice);
  if (options.checkLimit !== false && total > creditable) {
    const message =
      creditable === 0
        ? 'Nothing more can be credited on this invoice: earlier credit notes cover all of it.'
        : `At most ${formatMinorAmount(creditable, invoice.currency)} can still be credited on this invoice; this is ${formatMinorAmount(total, invoice.currency)}.`;
    throw input.mode === 'amount' ? amountFieldError(message) : new ActionError('invalid_input', message, { lines: message });
  }
  const prePaymentAmount = Math.min(total, invoice.amount_remaining);
  const postPaymentAmount = total - prePaymentAmount;
  if (postPaymentAmount > 0) {
    if (input.postPayment === 'refund') params.refund_amount = postPaymentAmount;
    else if (input.postPayment === 'out_of_band') params.out_of_band_amount = postPaymentAmount;
    else params.credit_amount = postPaymentAmount;
  }
  return { params, total, prePaymentAmount, postPaymentAmount };
}

/** Stripe's refusal of an amount or a line (a concurrent credit note, a line already credited) → the form's words. */
export function toCreditNoteActionError(error: unknown): unknown {
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param) {
    if (error.param === 'amount' || error.param.endsWith('_amount')) return amountFieldError(error.message);
    if (error.param.startsWith('lines')) return new ActionError('invalid_input', error.message, { lines: error.message });
    if (error.param === 'invoice') return new ActionError('conflict', `${error.message} Nothing was changed.`);
  }
  return error;
}
