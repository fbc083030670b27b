// The invoice state machine: draft → open (finalize) → paid, or void; amounts as Stripe keeps them
// (amount_due / amount_paid / amount_remaining, credit notes before and after payment, customer balance).
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent, type EventSource } from '../core/events';
import { invalidRequest } from '../http/stripe-error';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import { recordBalanceChange } from './invoice-customer-balance';
import { sumOfLines, type InvoiceLine } from './invoice-lines';

export type Invoice = ObjectTypes['invoice'];

export interface NewInvoice {
  customer: Stripe.Customer;
  currency: string;
  billingReason: Stripe.Invoice.BillingReason;
  collectionMethod?: Stripe.Invoice.CollectionMethod;
  autoAdvance?: boolean;
  daysUntilDue?: number;
  dueDate?: number;
  description?: string | null;
  metadata?: Stripe.Metadata;
  defaultPaymentMethod?: string | null;
  parent?: Invoice['parent'];
  /** Lines are built once the invoice's id is known. */
  lines?: (invoiceId: string) => InvoiceLine[];
}

const linesList = (id: string, lines: InvoiceLine[]): Invoice['lines'] => ({
  object: 'list',
  data: lines,
  has_more: false,
  url: `/v1/invoices/${id}/lines`,
});

/** A draft's amounts follow its lines; nothing is applied from the customer balance before finalization. */
export function withDraftAmounts(invoice: Invoice): Invoice {
  const total = sumOfLines(invoice.lines.data);
  return {
    ...invoice,
    subtotal: total,
    subtotal_excluding_tax: total,
    total,
    total_excluding_tax: total,
    amount_due: total,
    amount_remaining: total,
  };
}

export function createInvoice(source: EventSource, options: NewInvoice): Invoice {
  const { customer } = options;
  const id = newId('in');
  const now = nowSeconds();
  const collectionMethod = options.collectionMethod ?? 'charge_automatically';
  const dueDate = options.dueDate ?? (options.daysUntilDue !== undefined ? now + options.daysUntilDue * 86_400 : null);
  const lines = options.lines?.(id) ?? [];
  const blank: Invoice = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: null,
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: options.autoAdvance ?? false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: options.billingReason,
    collection_method: collectionMethod,
    created: now,
    currency: options.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: customer.shipping,
    customer_tax_exempt: customer.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: options.defaultPaymentMethod ?? null,
    default_source: null,
    default_tax_rates: [],
    description: options.description ?? null,
    discounts: [],
    due_date: collectionMethod === 'send_invoice' ? dueDate : null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: linesList(id, lines),
    livemode: false,
    metadata: options.metadata ?? {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: options.parent ?? null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: now,
    period_start: now,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
  // Stripe still sends the top-level `subscription` (null; the id now sits in `parent`), which the SDK's type dropped.
  const withLegacyField = { ...blank, subscription: null };
  const invoice = source.account.put('invoice', withDraftAmounts(withLegacyField));
  recordEvent(source, 'invoice.created', invoice);
  return invoice;
}

/** Replaces a draft's lines (and so its amounts). */
export function setDraftLines(source: EventSource, before: Invoice, lines: InvoiceLine[]): Invoice {
  checkDraft(before);
  const after = source.account.put('invoice', withDraftAmounts({ ...before, lines: linesList(before.id, lines) }));
  recordEvent(source, 'invoice.updated', after, previousAttributes(before, after));
  return after;
}

export function checkDraft(invoice: Invoice): void {
  if (invoice.status !== 'draft') {
    throw invalidRequest(`You can only modify draft invoices. This invoice has a status of ${invoice.status}.`, {
      code: 'invoice_not_editable',
    });
  }
}

function nextNumber(source: EventSource, customer: Stripe.Customer): string {
  const sequence = customer.next_invoice_sequence ?? 1;
  source.account.put('customer', { ...customer, next_invoice_sequence: sequence + 1 });
  return `${customer.invoice_prefix ?? randomAlphanumeric(8).toUpperCase()}-${String(sequence).padStart(4, '0')}`;
}

/**
 * draft → open: numbers the invoice, applies the customer's balance (a credit lowers amount_due, a debt
 * raises it) and records `invoice.finalized`; an invoice with nothing left to pay is paid at once.
 */
export function finalizeInvoice(source: EventSource, before: Invoice, autoAdvance?: boolean): Invoice {
  if (before.status !== 'draft') {
    throw invalidRequest("This invoice is already finalized, you can't re-finalize a non-draft invoice.", {
      code: 'invoice_not_editable',
    });
  }
  const customer = findOr404(source.account, 'customer', before.customer as string, 'customer');
  const now = nowSeconds();
  const startingBalance = customer.balance;
  const amountDue = Math.max(0, before.total + startingBalance);
  const endingBalance = startingBalance + before.total - amountDue;
  if (endingBalance !== startingBalance) {
    recordBalanceChange(source, customer, {
      amount: endingBalance - startingBalance,
      currency: before.currency,
      type: 'applied_to_invoice',
      invoice: before.id,
      creditNote: null,
    });
  }
  const number = nextNumber(source, findOr404(source.account, 'customer', customer.id));
  const opened: Invoice = {
    ...before,
    status: 'open',
    number,
    auto_advance: autoAdvance ?? before.auto_advance,
    starting_balance: startingBalance,
    ending_balance: endingBalance,
    amount_due: amountDue,
    amount_remaining: amountDue,
    effective_at: now,
    hosted_invoice_url: `https://invoice.stripe.com/i/test_${randomAlphanumeric(40)}`,
    invoice_pdf: `https://pay.stripe.com/invoice/test_${randomAlphanumeric(40)}/pdf`,
    status_transitions: { ...before.status_transitions, finalized_at: now },
    next_payment_attempt: before.collection_method === 'charge_automatically' && amountDue > 0 ? now + 3600 : null,
  };
  const after = source.account.put('invoice', opened);
  recordEvent(source, 'invoice.finalized', after, previousAttributes(before, after));
  return amountDue === 0 ? markPaid(source, after, 0, { offStripe: false }) : after;
}

/** Records `amount` received (0 when credits settled it) and, once nothing remains, the paid state. */
export function markPaid(source: EventSource, before: Invoice, amount: number, options: { offStripe: boolean }): Invoice {
  const now = nowSeconds();
  const remaining = before.amount_remaining - amount;
  const paid: Invoice = {
    ...before,
    amount_paid: before.amount_paid + amount,
    amount_remaining: remaining,
    attempted: amount > 0 && !options.offStripe ? true : before.attempted,
    next_payment_attempt: remaining > 0 ? before.next_payment_attempt : null,
  };
  if (options.offStripe) paid.amount_paid_off_stripe = (before.amount_paid_off_stripe ?? 0) + amount;
  if (remaining === 0) {
    paid.status = 'paid';
    paid.status_transitions = { ...before.status_transitions, paid_at: now };
  }
  const after = source.account.put('invoice', paid);
  if (remaining === 0) {
    recordEvent(source, 'invoice.paid', after, previousAttributes(before, after));
    if (amount > 0 && !options.offStripe) recordEvent(source, 'invoice.payment_succeeded', after, previousAttributes(before, after));
  } else {
    recordEvent(source, 'invoice.updated', after, previousAttributes(before, after));
  }
  return after;
}

/** Stripe finalizes a draft before sending it; test mode sends no email but records `invoice.sent`. */
export function sendInvoice(source: EventSource, stored: Invoice): Invoice {
  const before = stored.status === 'draft' ? finalizeInvoice(source, stored) : stored;
  if (before.status !== 'open' && before.status !== 'paid' && before.status !== 'uncollectible') {
    throw invalidRequest(`This invoice can't be sent because it has a status of ${before.status}.`);
  }
  recordEvent(source, 'invoice.sent', before);
  return before;
}

export function markUncollectible(source: EventSource, before: Invoice): Invoice {
  if (before.status !== 'open') {
    throw invalidRequest(
      `This invoice can't be marked uncollectible because it has a status of ${before.status}. Only open invoices can be marked uncollectible.`,
    );
  }
  const after = source.account.put('invoice', {
    ...before,
    status: 'uncollectible',
    auto_advance: false,
    next_payment_attempt: null,
    status_transitions: { ...before.status_transitions, marked_uncollectible_at: nowSeconds() },
  });
  recordEvent(source, 'invoice.marked_uncollectible', after, previousAttributes(before, after));
  return after;
}

export function voidInvoice(source: EventSource, before: Invoice): Invoice {
  if (before.status !== 'open' && before.status !== 'uncollectible') {
    throw invalidRequest(
      `This invoice can't be voided because it has a status of ${before.status}. Only open or uncollectible invoices can be voided.`,
    );
  }
  const after = source.account.put('invoice', {
    ...before,
    status: 'void',
    next_payment_attempt: null,
    status_transitions: { ...before.status_transitions, voided_at: nowSeconds() },
  });
  recordEvent(source, 'invoice.voided', after, previousAttributes(before, after));
  return after;
}

/**
 * A credit note's effect: `prePayment` lowers what is still owed (an open invoice credited in full is
 * paid), `postPayment` is counted against what was already paid. Negative amounts undo a voided note.
 */
export function applyCreditNote(source: EventSource, before: Invoice, prePayment: number, postPayment: number): Invoice {
  const credited: Invoice = {
    ...before,
    pre_payment_credit_notes_amount: before.pre_payment_credit_notes_amount + prePayment,
    post_payment_credit_notes_amount: before.post_payment_credit_notes_amount + postPayment,
    amount_due: before.amount_due - prePayment,
    amount_remaining: before.amount_remaining - prePayment,
  };
  const settled = credited.status === 'open' && credited.amount_remaining === 0 && prePayment > 0;
  if (settled) {
    credited.status = 'paid';
    credited.next_payment_attempt = null;
    credited.status_transitions = { ...before.status_transitions, paid_at: nowSeconds() };
  }
  // Voiding the note that settled an invoice leaves something to pay again.
  if (credited.status === 'paid' && credited.amount_remaining > 0) {
    credited.status = 'open';
    credited.status_transitions = { ...before.status_transitions, paid_at: null };
  }
  const after = source.account.put('invoice', credited);
  recordEvent(source, 'invoice.updated', after, previousAttributes(before, after));
  if (settled) recordEvent(source, 'invoice.paid', after, previousAttributes(before, after));
  return after;
}
