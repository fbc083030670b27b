// Payment links: create with line_items, retrieve, update (active, metadata, …), list, with events.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readArray, readBoolean, readInteger, readNullableString, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, randomAlphanumeric } from '../store/ids';
import type { ObjectTypes, PaymentLinkItems } from '../store/object-types';
import type { Wire } from '../store/wire';

function readLineItems(context: RequestContext): PaymentLinkItems['items'] {
  const items = (readArray(context.params, 'line_items') ?? []).map((item, index) => {
    if (typeof item !== 'object' || Array.isArray(item)) throw invalidRequest('Invalid object', { param: `line_items[${index}]` });
    const price = readString(item, 'price')!;
    findOr404(context.account, 'price', price, `line_items[${index}][price]`);
    const quantity = readInteger(item, 'quantity')!;
    if (quantity < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: `line_items[${index}][quantity]` });
    return { id: newId('li'), price, quantity };
  });
  if (items.length === 0) throw invalidRequest('You must provide at least one line item.', { param: 'line_items' });
  return items;
}

function blankPaymentLink(currency: string, id: string): Stripe.PaymentLink {
  return {
    id,
    object: 'payment_link',
    active: true,
    after_completion: { hosted_confirmation: { custom_message: null }, type: 'hosted_confirmation' },
    allow_promotion_codes: false,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_address_collection: 'auto',
    consent_collection: null,
    currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer_creation: 'if_required',
    inactive_message: null,
    invoice_creation: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    on_behalf_of: null,
    payment_intent_data: null,
    payment_method_collection: 'always',
    payment_method_options: null,
    payment_method_types: null,
    phone_number_collection: { enabled: false },
    restrictions: null,
    shipping_address_collection: null,
    shipping_options: [],
    submit_type: 'auto',
    subscription_data: null,
    tax_id_collection: { enabled: false, required: 'never' },
    transfer_data: null,
    // Where a customer would pay; the sandbox's hosted pages come in a later phase.
    url: `https://buy.stripe.com/test_${randomAlphanumeric(14)}`,
  };
}

function applyCommonParams(current: Stripe.PaymentLink, context: RequestContext): Stripe.PaymentLink {
  const { params } = context;
  const next: Stripe.PaymentLink = { ...current, metadata: applyMetadata(current.metadata, params) };
  const active = readBoolean(params, 'active');
  if (active !== undefined) next.active = active;
  const allowPromotionCodes = readBoolean(params, 'allow_promotion_codes');
  if (allowPromotionCodes !== undefined) next.allow_promotion_codes = allowPromotionCodes;
  const inactiveMessage = readNullableString(params, 'inactive_message');
  if (inactiveMessage !== undefined) next.inactive_message = inactiveMessage;
  const billing = readString(params, 'billing_address_collection');
  if (billing) next.billing_address_collection = billing as Stripe.PaymentLink.BillingAddressCollection;
  const customerCreation = readString(params, 'customer_creation');
  if (customerCreation) next.customer_creation = customerCreation as Stripe.PaymentLink.CustomerCreation;
  const submitType = readString(params, 'submit_type');
  if (submitType) next.submit_type = submitType as Stripe.PaymentLink.SubmitType;
  return next;
}

/** A stored line item as Stripe renders it: amounts from the price, no discounts or taxes in the sandbox. */
function renderLineItem(context: RequestContext, item: PaymentLinkItems['items'][number]): Wire<Stripe.LineItem> {
  const price: ObjectTypes['price'] = findOr404(context.account, 'price', item.price);
  const product = typeof price.product === 'string' ? context.account.get('product', price.product) : undefined;
  const subtotal = (price.unit_amount ?? 0) * item.quantity;
  return {
    id: item.id,
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: subtotal,
    amount_tax: 0,
    amount_total: subtotal,
    currency: price.currency,
    description: product?.name ?? null,
    metadata: null,
    price,
    quantity: item.quantity,
  };
}

export const paymentLinks: ResourceModule = {
  routes: [
    {
      operation: 'GET /v1/payment_links/{payment_link}/line_items',
      handle(context) {
        const link = findOr404(context.account, 'payment_link', context.pathParams.payment_link!);
        const stored = context.account.get('payment_link_items', link.id)?.items ?? [];
        // Line items keep the order they were given in; `created` is not part of a line item.
        const entries = stored.map((item) => ({ id: item.id, created: 0, item }));
        const page = paginate(context, entries, { noun: 'item' });
        return { ...page, data: page.data.map((entry) => renderLineItem(context, entry.item)) };
      },
    },
    {
      operation: 'POST /v1/payment_links',
      handle(context) {
        const items = readLineItems(context);
        const firstPrice = findOr404(context.account, 'price', items[0]!.price);
        const mixed = items.some((item) => findOr404(context.account, 'price', item.price).currency !== firstPrice.currency);
        if (mixed) throw invalidRequest('All prices on a payment link must have the same currency.', { param: 'line_items' });
        const link = applyCommonParams(blankPaymentLink(firstPrice.currency, newId('plink')), context);
        context.account.put('payment_link_items', { id: link.id, object: 'payment_link_items', items });
        context.account.put('payment_link', link);
        recordEvent(context, 'payment_link.created', link);
        return link;
      },
    },
    {
      operation: 'GET /v1/payment_links/{payment_link}',
      handle: (context) => findOr404(context.account, 'payment_link', context.pathParams.payment_link!),
    },
    {
      operation: 'POST /v1/payment_links/{payment_link}',
      handle(context) {
        const before = findOr404(context.account, 'payment_link', context.pathParams.payment_link!);
        const after = context.account.put('payment_link', applyCommonParams(before, context));
        const previous = previousAttributes(before, after);
        if (Object.keys(previous).length > 0) recordEvent(context, 'payment_link.updated', after, previous);
        return after;
      },
    },
    {
      operation: 'GET /v1/payment_links',
      handle(context) {
        const active = readBoolean(context.params, 'active');
        // Payment links carry no `created`; creation order is the store's order, so any range passes.
        const listed = context.account.all('payment_link').map((link) => ({ link, id: link.id, created: 0 }));
        const page = paginate(context, listed, {
          noun: 'payment_link',
          filter: (entry) => active === undefined || entry.link.active === active,
        });
        return { ...page, data: page.data.map((entry) => entry.link) };
      },
    },
  ],
};
