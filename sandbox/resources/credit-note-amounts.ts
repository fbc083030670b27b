// What a credit note request adds up to, as preview and create both compute it: its lines, total, the
// part before payment (lowers amount_remaining) and after payment (refund, balance credit, out of band).
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { formatAmount } from '../core/money';
import { readArray, readInteger, readObject, readString } from '../core/read-params';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { ParamObject } from '../params/validate-params';
import { newId } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import type { Wire } from '../store/wire';
import { unitAmountOf } from './invoice-lines';

export type CreditNoteLine = Wire<Stripe.CreditNoteLineItem>;
type Invoice = ObjectTypes['invoice'];

export interface CreditNoteAmounts {
  invoice: Invoice;
  lines: CreditNoteLine[];
  total: number;
  prePayment: number;
  postPayment: number;
  refundAmount: number;
  creditAmount: number;
  outOfBandAmount: number | null;
}

/** How much of an invoice line earlier (not voided) credit notes already credited. */
function creditedOnLine(context: RequestContext, invoiceLineId: string): number {
  return context.account
    .all('credit_note')
    .filter((note) => note.status === 'issued')
    .flatMap((note) => note.lines.data)
    .filter((line) => line.invoice_line_item === invoiceLineId)
    .reduce((sum, line) => sum + line.amount, 0);
}

function readCreditLine(context: RequestContext, invoice: Invoice, raw: ParamObject, index: number): CreditNoteLine {
  const param = `lines[${index}]`;
  const type = readString(raw, 'type') as Stripe.CreditNoteLineItem.Type;
  const quantity = readInteger(raw, 'quantity');
  const metadata = readObject(raw, 'metadata') as Stripe.Metadata | undefined;
  const base = {
    id: newId('cnli'),
    object: 'credit_note_line_item' as const,
    discount_amount: 0,
    discount_amounts: [],
    livemode: false,
    metadata: metadata ?? null,
    pretax_credit_amounts: [],
    tax_rates: [],
    taxes: [],
  };
  if (type === 'custom_line_item') {
    const unitAmount = readInteger(raw, 'unit_amount');
    if (unitAmount === undefined) throw invalidRequest('Missing required param: unit_amount.', { code: 'parameter_missing', param: `${param}[unit_amount]` });
    const description = readString(raw, 'description');
    if (!description) throw invalidRequest('Missing required param: description.', { code: 'parameter_missing', param: `${param}[description]` });
    const count = quantity ?? 1;
    return { ...base, type, amount: unitAmount * count, description, quantity: count, unit_amount: unitAmount, unit_amount_decimal: String(unitAmount) };
  }
  const lineId = readString(raw, 'invoice_line_item');
  if (!lineId) throw invalidRequest('Missing required param: invoice_line_item.', { code: 'parameter_missing', param: `${param}[invoice_line_item]` });
  const invoiceLine = invoice.lines.data.find((line) => line.id === lineId);
  if (!invoiceLine) {
    throw invalidRequest(`No such invoice line item: '${lineId}' on invoice ${invoice.id}`, { code: 'resource_missing', param: `${param}[invoice_line_item]` });
  }
  const amount = readInteger(raw, 'amount') ?? (quantity !== undefined ? quantity * unitAmountOf(invoiceLine) : undefined);
  if (amount === undefined) {
    throw invalidRequest('You must pass either `amount` or `quantity` for a credit note line of type `invoice_line_item`.', { param });
  }
  const remaining = invoiceLine.amount - creditedOnLine(context, lineId);
  if (amount > remaining) {
    throw invalidRequest(
      `The credit note line amount (${formatAmount(amount, invoice.currency)}) exceeds the amount that can still be credited on invoice line item ${lineId} (${formatAmount(remaining, invoice.currency)}).`,
      { param: `${param}[amount]` },
    );
  }
  return {
    ...base,
    type,
    amount,
    description: invoiceLine.description,
    invoice_line_item: lineId,
    quantity: quantity ?? null,
    unit_amount: null,
    unit_amount_decimal: null,
  };
}

/** Reads and checks a preview or create request against the invoice's current state. */
export function computeCreditNote(context: RequestContext): CreditNoteAmounts {
  const { params } = context;
  const invoice = findOr404(context.account, 'invoice', readString(params, 'invoice')!, 'invoice');
  if (invoice.status !== 'open' && invoice.status !== 'paid') {
    throw invalidRequest(
      `Credit notes can only be issued for invoices with a status of open or paid. This invoice has a status of ${invoice.status}.`,
      { param: 'invoice' },
    );
  }
  const rawLines = readArray(params, 'lines');
  const lines = (rawLines ?? []).map((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidRequest('Invalid object', { param: `lines[${index}]` });
    return readCreditLine(context, invoice, raw, index);
  });
  const amount = readInteger(params, 'amount');
  if (amount === undefined && lines.length === 0) throw invalidRequest('You must pass one of `amount`, `lines`, or `shipping_cost`.');
  const linesTotal = lines.reduce((sum, line) => sum + line.amount, 0);
  if (amount !== undefined && lines.length > 0 && amount !== linesTotal) {
    throw invalidRequest(`The credit note amount (${amount}) must equal the sum of its line amounts (${linesTotal}).`, { param: 'amount' });
  }
  const total = amount ?? linesTotal;
  if (total < 1) throw invalidRequest('The credit note amount must be greater than 0.', { param: 'amount' });
  const { currency } = invoice;
  const creditable = invoice.total - invoice.pre_payment_credit_notes_amount - invoice.post_payment_credit_notes_amount;
  if (total > creditable) {
    throw invalidRequest(
      `The credit note amount (${formatAmount(total, currency)}) exceeds the invoice's remaining creditable amount (${formatAmount(creditable, currency)}).`,
      { param: amount !== undefined ? 'amount' : 'lines' },
    );
  }
  const prePayment = Math.min(total, invoice.amount_remaining);
  const postPayment = total - prePayment;
  const refundAmount = readInteger(params, 'refund_amount') ?? 0;
  const creditAmount = readInteger(params, 'credit_amount') ?? 0;
  const outOfBandAmount = readInteger(params, 'out_of_band_amount');
  const allocated = refundAmount + creditAmount + (outOfBandAmount ?? 0);
  if (allocated !== postPayment) {
    throw invalidRequest(
      `The sum of refund_amount, credit_amount and out_of_band_amount (${formatAmount(allocated, currency)}) must equal the credit note's post_payment_amount (${formatAmount(postPayment, currency)}): the part of the credit note above the invoice's amount_remaining.`,
    );
  }
  return { invoice, lines, total, prePayment, postPayment, refundAmount, creditAmount, outOfBandAmount: outOfBandAmount ?? null };
}

export function creditNoteType(amounts: Pick<CreditNoteAmounts, 'prePayment' | 'postPayment'>): Stripe.CreditNote.Type {
  if (amounts.postPayment === 0) return 'pre_payment';
  return amounts.prePayment === 0 ? 'post_payment' : 'mixed';
}
