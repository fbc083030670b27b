// Quotes: create and update drafts (line items by `price` or `price_data`), finalize (draft → open),
// accept (open → accepted, creating a draft invoice, or a subscription for recurring prices), cancel,
// list, and their line items.
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readArray, readInteger, readNullableString, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { nowSeconds, newId } from '../store/ids';
import type { Account } from '../store/account';
import type { ObjectTypes } from '../store/object-types';
import { createInvoice } from './invoice-flow';
import { billPriceOnInvoice } from './invoice-items';
import { computeTotals, isRecurring, readQuoteLines, type QuoteLine } from './quote-line-items';
import { createSubscription } from './subscriptions';

type Quote = ObjectTypes['quote'];

/** Stripe's default: a quote expires 30 days after it is created. */
const DEFAULT_LIFETIME_SECONDS = 30 * 86_400;

/**
 * Draft and open quotes cancel themselves at `expires_at` (Stripe sends `quote.canceled`); the sandbox
 * applies that when the quote is next read.
 */
function expireIfDue(account: Account, quote: Quote): Quote {
  const now = nowSeconds();
  if ((quote.status !== 'draft' && quote.status !== 'open') || quote.expires_at > now) return quote;
  const after = account.put('quote', { ...quote, status: 'canceled', status_transitions: { ...quote.status_transitions, canceled_at: quote.expires_at } });
  recordEvent({ account, requestId: null, idempotencyKey: null }, 'quote.canceled', after, previousAttributes(quote, after));
  return after;
}

function findQuote(context: RequestContext): Quote {
  const id = context.pathParams.quote!;
  const found = context.account.get('quote', id);
  if (!found) throw resourceMissing('quote', id, 'quote');
  return expireIfDue(context.account, found);
}

const linesOf = (context: RequestContext, quote: Quote): QuoteLine[] => context.account.get('quote_line_items', quote.id)?.items ?? [];

function wrongState(quote: Quote, verb: string, allowed: string[]) {
  return invalidRequest(
    `This quote cannot be ${verb} because it has a status of ${quote.status}. Only quotes with a status of ${allowed.join(' or ')} can be ${verb}.`,
  );
}

function readCustomer(context: RequestContext): string | undefined {
  const customer = readString(context.params, 'customer');
  if (customer) findOr404(context.account, 'customer', customer, 'customer');
  return customer;
}

/** Applies the fields create and update share; `lines` are the quote's line items after this request. */
function applyQuoteParams(context: RequestContext, current: Quote, lines: QuoteLine[]): Quote {
  const { params } = context;
  const next: Quote = { ...current, ...computeTotals(lines), currency: lines[0]?.currency ?? current.currency };
  next.metadata = applyMetadata(current.metadata, params);
  const customer = readCustomer(context);
  if (customer) next.customer = customer;
  for (const key of ['description', 'header', 'footer'] as const) {
    const value = readNullableString(params, key);
    if (value !== undefined) next[key] = value;
  }
  const expiresAt = readInteger(params, 'expires_at');
  if (expiresAt !== undefined) {
    if (expiresAt <= nowSeconds()) throw invalidRequest('The expires_at timestamp must be in the future.', { param: 'expires_at' });
    next.expires_at = expiresAt;
  }
  const collectionMethod = readString(params, 'collection_method');
  if (collectionMethod) next.collection_method = collectionMethod as Stripe.Quote.CollectionMethod;
  const invoiceSettings = readObject(params, 'invoice_settings');
  const daysUntilDue = invoiceSettings ? readInteger(invoiceSettings, 'days_until_due') : undefined;
  if (daysUntilDue !== undefined) next.invoice_settings = { ...next.invoice_settings, days_until_due: daysUntilDue };
  const subscriptionData = readObject(params, 'subscription_data');
  if (subscriptionData) {
    next.subscription_data = {
      ...next.subscription_data,
      description: readString(subscriptionData, 'description') ?? next.subscription_data.description,
      trial_period_days: readInteger(subscriptionData, 'trial_period_days') ?? next.subscription_data.trial_period_days,
    };
  }
  if (next.collection_method === 'send_invoice' && next.invoice_settings.days_until_due === null && has(params, 'collection_method')) {
    throw invalidRequest('`invoice_settings[days_until_due]` is required when `collection_method` is `send_invoice`.', {
      param: 'invoice_settings[days_until_due]',
    });
  }
  return next;
}

function blankQuote(): Quote {
  const now = nowSeconds();
  return {
    id: newId('qt'),
    object: 'quote',
    ...computeTotals([]),
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    collection_method: 'charge_automatically',
    created: now,
    currency: null,
    customer: null,
    customer_account: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    expires_at: now + DEFAULT_LIFETIME_SECONDS,
    footer: null,
    from_quote: null,
    header: null,
    invoice: null,
    invoice_settings: { custom_fields: null, days_until_due: null, description: null, footer: null, issuer: { type: 'self' } },
    livemode: false,
    metadata: {},
    number: null,
    on_behalf_of: null,
    status: 'draft',
    status_transitions: { accepted_at: null, canceled_at: null, finalized_at: null },
    subscription: null,
    subscription_data: { billing_mode: { type: 'classic' }, description: null, effective_date: null, metadata: null, trial_period_days: null },
    subscription_schedule: null,
    test_clock: null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    transfer_data: null,
  };
}

function create(context: RequestContext): Quote {
  const lines = readQuoteLines(context, readArray(context.params, 'line_items') ?? []);
  const quote = context.account.put('quote', applyQuoteParams(context, blankQuote(), lines));
  context.account.put('quote_line_items', { id: quote.id, object: 'quote_line_items', items: lines });
  recordEvent(context, 'quote.created', quote);
  return quote;
}

/** What an open quote still lets you change (Stripe: only its expiration date). */
const OPEN_QUOTE_FIELDS = new Set(['expires_at', 'expand']);

function update(context: RequestContext, before: Quote): Quote {
  const onlyExpiry = Object.keys(context.params).every((key) => OPEN_QUOTE_FIELDS.has(key));
  if (before.status !== 'draft' && !(before.status === 'open' && onlyExpiry)) throw wrongState(before, 'updated', ['draft']);
  const raw = readArray(context.params, 'line_items');
  const lines = raw ? readQuoteLines(context, raw) : linesOf(context, before);
  if (raw) context.account.put('quote_line_items', { id: before.id, object: 'quote_line_items', items: lines });
  // Stripe has no quote.updated event.
  return context.account.put('quote', applyQuoteParams(context, before, lines));
}

/** Quote numbers are `QT-<account prefix>-<sequence>-<revision>`, as Stripe numbers them. */
function nextQuoteNumber(context: RequestContext): string {
  const prefix = createHash('sha256').update(context.account.key).digest('hex').slice(0, 8).toUpperCase();
  const sequence = context.account.all('quote').filter((quote) => quote.number !== null).length + 1;
  return `QT-${prefix}-${String(sequence).padStart(4, '0')}-1`;
}

function finalize(context: RequestContext, before: Quote): Quote {
  if (before.status !== 'draft') throw wrongState(before, 'finalized', ['draft']);
  if (!before.customer) throw invalidRequest('A customer is required to finalize a quote. Set `customer` on the quote first.', { param: 'customer' });
  if (linesOf(context, before).length === 0) throw invalidRequest('A quote needs at least one line item to be finalized.', { param: 'line_items' });
  const expiresAt = readInteger(context.params, 'expires_at') ?? before.expires_at;
  if (expiresAt <= nowSeconds()) throw invalidRequest('The expires_at timestamp must be in the future.', { param: 'expires_at' });
  const after = context.account.put('quote', {
    ...before,
    status: 'open',
    expires_at: expiresAt,
    number: nextQuoteNumber(context),
    status_transitions: { ...before.status_transitions, finalized_at: nowSeconds() },
  });
  recordEvent(context, 'quote.finalized', after, previousAttributes(before, after));
  return after;
}

/** What acceptance creates: a draft invoice for one-time prices, or a subscription (and its first invoice). */
function fulfil(context: RequestContext, quote: Quote): Pick<Quote, 'invoice' | 'subscription'> {
  const customer = findOr404(context.account, 'customer', quote.customer as string, 'customer');
  const lines = linesOf(context, quote);
  const priced = lines.map((line) => ({
    price: findOr404(context.account, 'price', line.price!.id),
    quantity: line.quantity ?? 1,
    description: line.description,
  }));
  const currency = quote.currency ?? 'usd';
  const daysUntilDue = quote.invoice_settings.days_until_due;
  if (lines.some(isRecurring)) {
    const { subscription, invoice } = createSubscription(context, {
      customer,
      currency,
      recurring: priced.filter((item) => item.price.recurring),
      oneTime: priced.filter((item) => !item.price.recurring),
      collectionMethod: quote.collection_method,
      daysUntilDue,
      description: quote.subscription_data.description,
      metadata: quote.subscription_data.metadata ?? {},
      quote: quote.id,
    });
    return { invoice: invoice.id, subscription: subscription.id };
  }
  const invoice = createInvoice(context, {
    customer,
    currency,
    billingReason: 'quote_accept',
    collectionMethod: quote.collection_method,
    daysUntilDue: daysUntilDue ?? undefined,
    autoAdvance: true,
    description: quote.description,
    parent: { type: 'quote_details', quote_details: { quote: quote.id }, subscription_details: null },
    lines: (invoiceId) =>
      priced.map(({ price, quantity, description }) => billPriceOnInvoice(context, { customer: customer.id, price, quantity, invoiceId, description })),
  });
  return { invoice: invoice.id, subscription: null };
}

function accept(context: RequestContext, before: Quote): Quote {
  if (before.status !== 'open') throw wrongState(before, 'accepted', ['open']);
  const created = fulfil(context, before);
  const after = context.account.put('quote', {
    ...before,
    ...created,
    status: 'accepted',
    status_transitions: { ...before.status_transitions, accepted_at: nowSeconds() },
  });
  recordEvent(context, 'quote.accepted', after, previousAttributes(before, after));
  return after;
}

function cancel(context: RequestContext, before: Quote): Quote {
  if (before.status !== 'draft' && before.status !== 'open') throw wrongState(before, 'canceled', ['draft', 'open']);
  const after = context.account.put('quote', {
    ...before,
    status: 'canceled',
    status_transitions: { ...before.status_transitions, canceled_at: nowSeconds() },
  });
  recordEvent(context, 'quote.canceled', after, previousAttributes(before, after));
  return after;
}

function listLines(context: RequestContext) {
  const quote = findQuote(context);
  // Line items keep the order they were given in; `created` is not part of a line item.
  const entries = linesOf(context, quote).map((line) => ({ id: line.id, created: 0, line }));
  const page = paginate(context, entries, { noun: 'item' });
  return { ...page, data: page.data.map((entry) => entry.line) };
}

export const quotes: ResourceModule = {
  expandable: { quote: { customer: 'customer', invoice: 'invoice', subscription: 'subscription' } },
  routes: [
    { operation: 'POST /v1/quotes', handle: create },
    { operation: 'GET /v1/quotes/{quote}', handle: findQuote },
    { operation: 'POST /v1/quotes/{quote}', handle: (context) => update(context, findQuote(context)) },
    { operation: 'POST /v1/quotes/{quote}/finalize', handle: (context) => finalize(context, findQuote(context)) },
    { operation: 'POST /v1/quotes/{quote}/accept', handle: (context) => accept(context, findQuote(context)) },
    { operation: 'POST /v1/quotes/{quote}/cancel', handle: (context) => cancel(context, findQuote(context)) },
    { operation: 'GET /v1/quotes/{quote}/line_items', handle: listLines },
    // Everything on a quote is billed on acceptance (recurring prices for their first period), so the
    // upfront items are the line items.
    { operation: 'GET /v1/quotes/{quote}/computed_upfront_line_items', handle: listLines },
    {
      operation: 'GET /v1/quotes',
      handle(context) {
        const customer = readString(context.params, 'customer');
        const status = readString(context.params, 'status');
        const current = context.account.all('quote').map((quote) => expireIfDue(context.account, quote));
        return paginate(context, current, {
          noun: 'quote',
          filter: (quote) => (customer === undefined || quote.customer === customer) && (status === undefined || quote.status === status),
        });
      },
    },
  ],
};
