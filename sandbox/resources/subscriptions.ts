// Subscriptions as accepted recurring quotes create them (with their first invoice); retrieve, list
// (not canceled unless asked, as Stripe) and cancel.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, resourceMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import type { Wire } from '../store/wire';
import { createInvoice, type Invoice } from './invoice-flow';
import { billPriceOnInvoice } from './invoice-items';
import { billingPeriod, buildLine, type InvoiceLine } from './invoice-lines';

type Subscription = ObjectTypes['subscription'];
type Price = ObjectTypes['price'];

export interface PricedQuantity {
  price: Price;
  quantity: number;
  description: string | null;
}

export interface NewSubscription {
  customer: Stripe.Customer;
  currency: string;
  recurring: PricedQuantity[];
  /** One-time prices billed once, on the first invoice. */
  oneTime: PricedQuantity[];
  collectionMethod: Stripe.Subscription.CollectionMethod;
  daysUntilDue: number | null;
  description: string | null;
  metadata: Stripe.Metadata;
  quote: string;
}

function planOf(price: Price): Wire<Stripe.Plan> {
  const recurring = price.recurring!;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: recurring.usage_type,
  };
}

/** Creates the subscription and its first invoice (a draft that auto-advances, as Stripe leaves it). */
export function createSubscription(context: RequestContext, options: NewSubscription): { subscription: Subscription; invoice: Invoice } {
  const id = newId('sub');
  const now = nowSeconds();
  const period = billingPeriod(options.recurring[0]!.price, now);
  const items = options.recurring.map(({ price, quantity }) => ({
    id: newId('si'),
    object: 'subscription_item' as const,
    billing_thresholds: null,
    created: now,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planOf(price),
    price,
    quantity,
    subscription: id,
    tax_rates: [],
  }));
  const invoice = createInvoice(context, {
    customer: options.customer,
    currency: options.currency,
    billingReason: 'subscription_create',
    collectionMethod: options.collectionMethod,
    daysUntilDue: options.daysUntilDue ?? undefined,
    autoAdvance: true,
    parent: { type: 'subscription_details', subscription_details: { subscription: id, metadata: options.metadata }, quote_details: null },
    lines: (invoiceId): InvoiceLine[] => [
      ...items.map((item, index) =>
        buildLine(invoiceId, {
          price: item.price,
          quantity: item.quantity,
          description: options.recurring[index]!.description,
          period,
          subscription: id,
          parent: {
            type: 'subscription_item_details',
            subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: id, subscription_item: item.id },
            invoice_item_details: null,
          },
        }),
      ),
      ...options.oneTime.map(({ price, quantity, description }) =>
        billPriceOnInvoice(context, { customer: options.customer.id, price, quantity, invoiceId, description }),
      ),
    ],
  });
  const subscription: Subscription = context.account.put('subscription', {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: options.collectionMethod,
    created: now,
    currency: options.currency,
    customer: options.customer.id,
    customer_account: null,
    days_until_due: options.daysUntilDue,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: options.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: 'self' } },
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: invoice.id,
    livemode: false,
    managed_payments: null,
    metadata: options.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: 'active',
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: null,
  });
  recordEvent(context, 'customer.subscription.created', subscription);
  return { subscription, invoice };
}

function findSubscription(context: RequestContext): Subscription {
  const id = context.pathParams.subscription_exposed_id!;
  const found = context.account.get('subscription', id);
  if (!found) throw resourceMissing('subscription', id, 'subscription_exposed_id');
  return found;
}

function cancel(context: RequestContext, before: Subscription): Subscription {
  if (before.status === 'canceled') {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  }
  const now = nowSeconds();
  const details = readObject(context.params, 'cancellation_details');
  const after = context.account.put('subscription', {
    ...before,
    status: 'canceled',
    canceled_at: now,
    ended_at: now,
    cancellation_details: {
      comment: (details && readString(details, 'comment')) ?? null,
      feedback: ((details && readString(details, 'feedback')) ?? null) as Stripe.Subscription.CancellationDetails.Feedback | null,
      feedback_option: null,
      reason: 'cancellation_requested',
    },
  });
  recordEvent(context, 'customer.subscription.deleted', after, previousAttributes(before, after));
  return after;
}

export const subscriptions: ResourceModule = {
  expandable: { subscription: { customer: 'customer', latest_invoice: 'invoice', default_payment_method: 'payment_method' } },
  routes: [
    { operation: 'GET /v1/subscriptions/{subscription_exposed_id}', handle: findSubscription },
    { operation: 'DELETE /v1/subscriptions/{subscription_exposed_id}', handle: (context) => cancel(context, findSubscription(context)) },
    {
      operation: 'GET /v1/subscriptions',
      handle(context) {
        const { params } = context;
        const customer = readString(params, 'customer');
        if (customer) findOr404(context.account, 'customer', customer, 'customer');
        const price = readString(params, 'price');
        const status = readString(params, 'status');
        const collectionMethod = readString(params, 'collection_method');
        // Stripe leaves canceled subscriptions out unless `status=canceled` or `status=all`.
        const wantsStatus = (value: string) => (status === undefined ? value !== 'canceled' : status === 'all' || status === value);
        return paginate(context, context.account.all('subscription'), {
          noun: 'subscription',
          filter: (subscription) =>
            wantsStatus(subscription.status) &&
            (customer === undefined || subscription.customer === customer) &&
            (collectionMethod === undefined || subscription.collection_method === collectionMethod) &&
            (price === undefined || subscription.items.data.some((item) => item.price.id === price)),
        });
      },
    },
  ],
};
