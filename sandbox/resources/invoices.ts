// Invoices: create (draft), retrieve, update, delete drafts, finalize, pay, void, list and their lines;
// the states and amounts live in invoice-flow.ts, payment in invoice-payment.ts.
import type Stripe from 'stripe';
import { deleteWithTombstone, findOr404, findOrTombstone } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readCurrency } from '../core/money';
import { has, readBoolean, readInteger, readNullableString, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { nowSeconds } from '../store/ids';
import { checkDraft, createInvoice, finalizeInvoice, markUncollectible, sendInvoice, voidInvoice, type Invoice } from './invoice-flow';
import { takePendingItems } from './invoice-items';
import { payInvoice } from './invoice-payment';

function findInvoice(context: RequestContext): Invoice {
  const id = context.pathParams.invoice!;
  const found = context.account.get('invoice', id);
  if (!found) throw resourceMissing('invoice', id, 'invoice');
  return found;
}

function readCollection(context: RequestContext): { method?: Stripe.Invoice.CollectionMethod; daysUntilDue?: number; dueDate?: number } {
  const method = readString(context.params, 'collection_method') as Stripe.Invoice.CollectionMethod | undefined;
  const daysUntilDue = readInteger(context.params, 'days_until_due');
  const dueDate = readInteger(context.params, 'due_date');
  if (method === 'send_invoice' && daysUntilDue === undefined && dueDate === undefined) {
    throw invalidRequest('Invoices with `collection_method=send_invoice` must have either `days_until_due` or `due_date` set.', {
      param: 'days_until_due',
    });
  }
  if (method === 'charge_automatically' && (daysUntilDue !== undefined || dueDate !== undefined)) {
    throw invalidRequest('You can only set `days_until_due` or `due_date` on invoices with `collection_method=send_invoice`.', {
      param: daysUntilDue !== undefined ? 'days_until_due' : 'due_date',
    });
  }
  return { method, daysUntilDue, dueDate };
}

function create(context: RequestContext): Invoice {
  const { params, account } = context;
  const customerId = readString(params, 'customer');
  if (!customerId) throw parameterMissing('customer');
  const customer = findOr404(account, 'customer', customerId, 'customer');
  const collection = readCollection(context);
  const rawCurrency = readString(params, 'currency');
  const currency = rawCurrency ? readCurrency(rawCurrency) : (customer.currency ?? 'usd');
  const include = readString(params, 'pending_invoice_items_behavior') === 'include';
  const defaultPaymentMethod = readString(params, 'default_payment_method');
  if (defaultPaymentMethod) findOr404(account, 'payment_method', defaultPaymentMethod, 'default_payment_method');
  return createInvoice(context, {
    customer,
    currency,
    billingReason: 'manual',
    collectionMethod: collection.method,
    daysUntilDue: collection.daysUntilDue,
    dueDate: collection.dueDate,
    autoAdvance: readBoolean(params, 'auto_advance') ?? false,
    description: readString(params, 'description') ?? null,
    metadata: applyMetadata({}, params),
    defaultPaymentMethod: defaultPaymentMethod ?? null,
    lines: include ? (invoiceId) => takePendingItems(context, customer.id, currency, invoiceId) : undefined,
  });
}

/** Only metadata (and auto_advance) may change after finalization; the rest only on drafts. */
function update(context: RequestContext, before: Invoice): Invoice {
  const { params } = context;
  const next: Invoice = { ...before, metadata: applyMetadata(before.metadata ?? {}, params) };
  const autoAdvance = readBoolean(params, 'auto_advance');
  if (autoAdvance !== undefined) next.auto_advance = autoAdvance;
  const draftOnly = ['description', 'collection_method', 'days_until_due', 'due_date', 'default_payment_method', 'currency'];
  if (draftOnly.some((key) => has(params, key))) {
    checkDraft(before);
    const description = readNullableString(params, 'description');
    if (description !== undefined) next.description = description;
    const collection = readCollection(context);
    if (collection.method) next.collection_method = collection.method;
    if (next.collection_method === 'send_invoice') {
      if (collection.dueDate !== undefined) next.due_date = collection.dueDate;
      else if (collection.daysUntilDue !== undefined) next.due_date = nowSeconds() + collection.daysUntilDue * 86_400;
    } else {
      next.due_date = null;
    }
    const paymentMethod = readNullableString(params, 'default_payment_method');
    if (paymentMethod) findOr404(context.account, 'payment_method', paymentMethod, 'default_payment_method');
    if (paymentMethod !== undefined) next.default_payment_method = paymentMethod;
  }
  const after = context.account.put('invoice', next);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) recordEvent(context, 'invoice.updated', after, previous);
  return after;
}

function remove(context: RequestContext, before: Invoice) {
  if (before.status !== 'draft') {
    throw invalidRequest('You can only delete draft invoices. Use void to cancel a finalized invoice.', { code: 'invoice_not_editable' });
  }
  const tombstone = deleteWithTombstone(context.account, 'invoice', before.id);
  recordEvent(context, 'invoice.deleted', before);
  return tombstone;
}

export const invoices: ResourceModule = {
  expandable: {
    invoice: { customer: 'customer', default_payment_method: 'payment_method', 'parent.quote_details.quote': 'quote' },
  },
  routes: [
    { operation: 'POST /v1/invoices', handle: create },
    { operation: 'GET /v1/invoices/{invoice}', handle: (context) => findOrTombstone(context.account, 'invoice', context.pathParams.invoice!) },
    { operation: 'POST /v1/invoices/{invoice}', handle: (context) => update(context, findInvoice(context)) },
    { operation: 'DELETE /v1/invoices/{invoice}', handle: (context) => remove(context, findInvoice(context)) },
    {
      operation: 'POST /v1/invoices/{invoice}/finalize',
      handle: (context) => finalizeInvoice(context, findInvoice(context), readBoolean(context.params, 'auto_advance')),
    },
    {
      operation: 'POST /v1/invoices/{invoice}/pay',
      handle: (context) =>
        payInvoice(context, findInvoice(context), {
          paymentMethod: readString(context.params, 'payment_method'),
          paidOutOfBand: readBoolean(context.params, 'paid_out_of_band') ?? false,
        }),
    },
    { operation: 'POST /v1/invoices/{invoice}/void', handle: (context) => voidInvoice(context, findInvoice(context)) },
    { operation: 'POST /v1/invoices/{invoice}/send', handle: (context) => sendInvoice(context, findInvoice(context)) },
    {
      operation: 'POST /v1/invoices/{invoice}/mark_uncollectible',
      handle: (context) => markUncollectible(context, findInvoice(context)),
    },
    {
      operation: 'GET /v1/invoices/{invoice}/lines',
      handle(context) {
        const invoice = findInvoice(context);
        // Lines keep their order on the invoice; `created` is not part of a line.
        const entries = invoice.lines.data.map((line) => ({ id: line.id, created: 0, line }));
        const page = paginate(context, entries, { noun: 'line_item' });
        return { ...page, data: page.data.map((entry) => entry.line) };
      },
    },
    {
      operation: 'GET /v1/invoices',
      handle(context) {
        const { params } = context;
        const customer = readString(params, 'customer');
        const status = readString(params, 'status');
        const collectionMethod = readString(params, 'collection_method');
        const subscription = readString(params, 'subscription');
        return paginate(context, context.account.all('invoice'), {
          noun: 'invoice',
          filter: (invoice) =>
            (customer === undefined || invoice.customer === customer) &&
            (status === undefined || invoice.status === status) &&
            (collectionMethod === undefined || invoice.collection_method === collectionMethod) &&
            (subscription === undefined || invoice.parent?.subscription_details?.subscription === subscription),
        });
      },
    },
  ],
};
