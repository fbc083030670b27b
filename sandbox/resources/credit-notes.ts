// Credit notes: preview, create (lowering the invoice's amount_remaining, then refunding, crediting the
// customer's balance or recording an out-of-band credit), retrieve, update, list, void, and their lines.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readInteger, readNullableString, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import { computeCreditNote, creditNoteType, type CreditNoteAmounts, type CreditNoteLine } from './credit-note-amounts';
import { recordBalanceChange } from './invoice-customer-balance';
import { applyCreditNote } from './invoice-flow';
import { paymentIntentOf } from './invoice-payment';
import { refunds } from './refunds';

type CreditNote = ObjectTypes['credit_note'];

function buildCreditNote(context: RequestContext, amounts: CreditNoteAmounts, id: string): CreditNote {
  const { invoice, total } = amounts;
  const { params } = context;
  const now = nowSeconds();
  const issued = context.account.all('credit_note').filter((note) => note.invoice === invoice.id).length;
  return {
    id,
    object: 'credit_note',
    amount: total,
    amount_shipping: 0,
    created: now,
    currency: invoice.currency,
    customer: invoice.customer as string,
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: 0,
    discount_amounts: [],
    effective_at: readInteger(params, 'effective_at') ?? now,
    invoice: invoice.id,
    lines: { object: 'list', data: amounts.lines, has_more: false, url: `/v1/credit_notes/${id}/lines` },
    livemode: false,
    memo: readString(params, 'memo') ?? null,
    metadata: applyMetadata({}, params),
    number: `${invoice.number}-CN-${String(issued + 1).padStart(2, '0')}`,
    out_of_band_amount: amounts.outOfBandAmount,
    pdf: `https://pay.stripe.com/credit_notes/test_${randomAlphanumeric(40)}/pdf`,
    post_payment_amount: amounts.postPayment,
    pre_payment_amount: amounts.prePayment,
    pretax_credit_amounts: [],
    reason: (readString(params, 'reason') as Stripe.CreditNote.Reason | undefined) ?? null,
    refunds: [],
    shipping_cost: null,
    status: 'issued',
    subtotal: total,
    subtotal_excluding_tax: total,
    total,
    total_excluding_tax: total,
    total_taxes: [],
    type: creditNoteType(amounts),
    voided_at: null,
  };
}

/** Refunds through POST /v1/refunds' own handler, so the charge, balance and events move as for any refund. */
async function refundInvoicePayment(context: RequestContext, amounts: CreditNoteAmounts): Promise<Stripe.Refund> {
  const intent = paymentIntentOf(context, amounts.invoice);
  if (!intent) {
    throw invalidRequest('This invoice was not paid through Stripe, so the credit note cannot refund it; use `out_of_band_amount` or `credit_amount`.', {
      param: 'refund_amount',
    });
  }
  const route = refunds.routes.find((candidate) => candidate.operation === 'POST /v1/refunds')!;
  const refund = await route.handle({ ...context, params: { payment_intent: intent, amount: amounts.refundAmount } });
  return refund as Stripe.Refund;
}

async function create(context: RequestContext): Promise<CreditNote> {
  const amounts = computeCreditNote(context);
  const { invoice } = amounts;
  const id = newId('cn');
  let note = buildCreditNote(context, amounts, id);
  if (amounts.refundAmount > 0) {
    const refund = await refundInvoicePayment(context, amounts);
    note = { ...note, refunds: [{ amount_refunded: refund.amount, payment_record_refund: null, refund: refund.id, type: 'refund' }] };
  }
  if (amounts.creditAmount > 0) {
    const customer = findOr404(context.account, 'customer', invoice.customer as string, 'customer');
    const transaction = recordBalanceChange(context, customer, {
      amount: -amounts.creditAmount,
      currency: invoice.currency,
      type: 'credit_note',
      invoice: invoice.id,
      creditNote: id,
    });
    note = { ...note, customer_balance_transaction: transaction.id };
  }
  const stored = context.account.put('credit_note', note);
  applyCreditNote(context, invoice, amounts.prePayment, amounts.postPayment);
  recordEvent(context, 'credit_note.created', stored);
  return stored;
}

function findCreditNote(context: RequestContext): CreditNote {
  const id = context.pathParams.id ?? context.pathParams.credit_note!;
  const found = context.account.get('credit_note', id);
  if (!found) throw resourceMissing('credit_note', id);
  return found;
}

function voidNote(context: RequestContext, before: CreditNote): CreditNote {
  if (before.status === 'void') throw invalidRequest('This credit note has already been voided.');
  if (before.refunds.length > 0) throw invalidRequest('A credit note that refunded a payment cannot be voided.');
  const invoice = findOr404(context.account, 'invoice', before.invoice as string, 'invoice');
  if (typeof before.customer_balance_transaction === 'string') {
    const credited = findOr404(context.account, 'customer_balance_transaction', before.customer_balance_transaction);
    const customer = findOr404(context.account, 'customer', before.customer as string, 'customer');
    recordBalanceChange(context, customer, { amount: -credited.amount, currency: before.currency, type: 'credit_note', invoice: invoice.id, creditNote: before.id });
  }
  applyCreditNote(context, invoice, -before.pre_payment_amount, -before.post_payment_amount);
  const after = context.account.put('credit_note', { ...before, status: 'void', voided_at: nowSeconds() });
  recordEvent(context, 'credit_note.voided', after, previousAttributes(before, after));
  return after;
}

function pageOfLines(context: RequestContext, lines: CreditNoteLine[]) {
  // Lines keep their order on the note; `created` is not part of a line.
  const entries = lines.map((line) => ({ id: line.id, created: 0, line }));
  const page = paginate(context, entries, { noun: 'credit_note_line_item' });
  return { ...page, data: page.data.map((entry) => entry.line) };
}

export const creditNotes: ResourceModule = {
  expandable: {
    credit_note: { customer: 'customer', invoice: 'invoice', customer_balance_transaction: 'customer_balance_transaction' },
  },
  routes: [
    {
      operation: 'GET /v1/credit_notes/preview',
      // A preview is the note create would make, stored nowhere; Stripe gives it an id all the same.
      handle: (context) => buildCreditNote(context, computeCreditNote(context), newId('cn')),
    },
    { operation: 'GET /v1/credit_notes/preview/lines', handle: (context) => pageOfLines(context, computeCreditNote(context).lines) },
    { operation: 'POST /v1/credit_notes', handle: create },
    { operation: 'GET /v1/credit_notes/{id}', handle: findCreditNote },
    {
      operation: 'POST /v1/credit_notes/{id}',
      handle(context) {
        const before = findCreditNote(context);
        const after: CreditNote = { ...before, metadata: applyMetadata(before.metadata ?? {}, context.params) };
        const memo = readNullableString(context.params, 'memo');
        if (memo !== undefined) after.memo = memo;
        context.account.put('credit_note', after);
        const previous = previousAttributes(before, after);
        if (Object.keys(previous).length > 0) recordEvent(context, 'credit_note.updated', after, previous);
        return after;
      },
    },
    { operation: 'POST /v1/credit_notes/{id}/void', handle: (context) => voidNote(context, findCreditNote(context)) },
    { operation: 'GET /v1/credit_notes/{credit_note}/lines', handle: (context) => pageOfLines(context, findCreditNote(context).lines.data) },
    {
      operation: 'GET /v1/credit_notes',
      handle(context) {
        const invoice = readString(context.params, 'invoice');
        const customer = readString(context.params, 'customer');
        return paginate(context, context.account.all('credit_note'), {
          noun: 'credit_note',
          filter: (note) => (invoice === undefined || note.invoice === invoice) && (customer === undefined || note.customer === customer),
        });
      },
    },
  ],
};
