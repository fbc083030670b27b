// Invoice items: a charge for a customer, added to a draft invoice (`invoice`) or left pending until an
// invoice is created with `pending_invoice_items_behavior=include`; create and retrieve.
import { findOr404 } from '../core/crud';
import { recordEvent } from '../core/events';
import { createInlinePrice } from '../core/inline-prices';
import { applyMetadata } from '../core/metadata';
import { readCurrency } from '../core/money';
import { readInteger, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, parameterMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import { checkDraft, setDraftLines } from './invoice-flow';
import { buildLine, type InvoiceLine } from './invoice-lines';

type InvoiceItem = ObjectTypes['invoiceitem'];

interface ItemFields {
  customer: string;
  currency: string;
  amount: number;
  quantity: number;
  price: ObjectTypes['price'] | null;
  invoice: string | null;
  description: string | null;
  metadata: Record<string, string>;
}

function newItem(fields: ItemFields): InvoiceItem {
  const { price, amount, quantity } = fields;
  const now = nowSeconds();
  return {
    id: newId('ii'),
    object: 'invoiceitem',
    amount,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    date: now,
    description: fields.description,
    discountable: true,
    discounts: [],
    invoice: fields.invoice,
    livemode: false,
    metadata: fields.metadata,
    net_amount: amount,
    parent: null,
    period: { start: now, end: now },
    pricing: price
      ? {
          type: 'price_details',
          price_details: { price: price.id, product: typeof price.product === 'string' ? price.product : price.product.id },
          unit_amount_decimal: price.unit_amount_decimal,
        }
      : { type: 'price_details', unit_amount_decimal: String(quantity ? amount / quantity : amount) },
    proration: false,
    quantity,
    quantity_decimal: String(quantity),
    tax_rates: [],
    test_clock: null,
  };
}

function lineOf(context: RequestContext, item: InvoiceItem, invoiceId: string): InvoiceLine {
  const priceId = item.pricing?.price_details?.price;
  const price = typeof priceId === 'string' ? findOr404(context.account, 'price', priceId) : null;
  return buildLine(invoiceId, {
    price,
    unitAmount: item.quantity ? item.amount / item.quantity : item.amount,
    currency: item.currency,
    quantity: item.quantity,
    description: item.description,
    parent: {
      type: 'invoice_item_details',
      invoice_item_details: { invoice_item: item.id, proration: false, proration_details: { credited_items: null }, subscription: null },
      subscription_item_details: null,
    },
    period: item.period,
  });
}

/** Moves the customer's pending items in `currency` onto a new invoice and returns their lines. */
export function takePendingItems(context: RequestContext, customer: string, currency: string, invoiceId: string): InvoiceLine[] {
  const pending = context.account
    .all('invoiceitem')
    .filter((item) => item.customer === customer && item.invoice === null && item.currency === currency)
    .reverse();
  return pending.map((item) => lineOf(context, context.account.put('invoiceitem', { ...item, invoice: invoiceId }), invoiceId));
}

function create(context: RequestContext): InvoiceItem {
  const { params, account } = context;
  const customerId = readString(params, 'customer');
  if (!customerId) throw parameterMissing('customer');
  const customer = findOr404(account, 'customer', customerId, 'customer');
  const invoiceId = readString(params, 'invoice');
  const invoice = invoiceId ? findOr404(account, 'invoice', invoiceId, 'invoice') : undefined;
  if (invoice) {
    checkDraft(invoice);
    if (invoice.customer !== customer.id) throw invalidRequest('The invoice does not belong to this customer.', { param: 'invoice' });
  }
  const quantity = readInteger(params, 'quantity') ?? 1;
  const priceData = readObject(params, 'price_data');
  const priceId = readString(params, 'price') ?? readString(readObject(params, 'pricing') ?? {}, 'price');
  const price = priceId ? findOr404(account, 'price', priceId, 'price') : priceData ? createInlinePrice(account, priceData, 'price_data') : null;
  const amount = price ? (price.unit_amount ?? 0) * quantity : readInteger(params, 'amount');
  if (amount === undefined) throw parameterMissing('amount');
  const rawCurrency = readString(params, 'currency');
  const currency = price?.currency ?? (rawCurrency ? readCurrency(rawCurrency) : invoice?.currency);
  if (!currency) throw parameterMissing('currency');
  const product = price && (typeof price.product === 'string' ? account.get('product', price.product) : undefined);
  const item = account.put(
    'invoiceitem',
    newItem({
      customer: customer.id,
      currency,
      amount,
      quantity,
      price,
      invoice: invoice?.id ?? null,
      description: readString(params, 'description') ?? product?.name ?? null,
      metadata: applyMetadata({}, params),
    }),
  );
  recordEvent(context, 'invoiceitem.created', item);
  if (invoice) setDraftLines(context, invoice, [...invoice.lines.data, lineOf(context, item, invoice.id)]);
  return item;
}

export const invoiceItems: ResourceModule = {
  expandable: { invoiceitem: { customer: 'customer', invoice: 'invoice' } },
  routes: [
    { operation: 'POST /v1/invoiceitems', handle: create },
    {
      operation: 'GET /v1/invoiceitems/{invoiceitem}',
      handle: (context) => findOr404(context.account, 'invoiceitem', context.pathParams.invoiceitem!, 'invoiceitem'),
    },
  ],
};

/**
 * An invoice item for `price` × `quantity` on a new invoice (a quote's one-time lines), recorded with
 * `invoiceitem.created`; returns the line the invoice shows for it.
 */
export function billPriceOnInvoice(
  context: RequestContext,
  options: { customer: string; price: ObjectTypes['price']; quantity: number; invoiceId: string; description: string | null },
): InvoiceLine {
  const { price, quantity } = options;
  const item = context.account.put(
    'invoiceitem',
    newItem({
      customer: options.customer,
      currency: price.currency,
      amount: (price.unit_amount ?? 0) * quantity,
      quantity,
      price,
      invoice: options.invoiceId,
      description: options.description,
      metadata: {},
    }),
  );
  recordEvent(context, 'invoiceitem.created', item);
  return lineOf(context, item, options.invoiceId);
}
