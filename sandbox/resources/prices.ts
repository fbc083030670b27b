// Prices: one-time and recurring, by `product` or `product_data`; retrieve, update, list, with events.
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readBoolean, readInteger, readNullableString, readObject, readString, readStringArray } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest, parameterMissing } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { ParamObject } from '../params/validate-params';
import { newId, nowSeconds } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';

type Price = ObjectTypes['price'];

function buildRecurring(params: ParamObject | undefined): Price['recurring'] {
  if (!params) return null;
  return {
    interval: (readString(params, 'interval') ?? 'month') as Stripe.Price.Recurring.Interval,
    interval_count: readInteger(params, 'interval_count') ?? 1,
    meter: null,
    trial_period_days: null,
    usage_type: (readString(params, 'usage_type') ?? 'licensed') as Stripe.Price.Recurring.UsageType,
  };
}

/** Creates a price (also used by products' `default_price_data`) and records `price.created`. */
export function createPrice(context: RequestContext, params: ParamObject): Price {
  const { account } = context;
  let productId = readString(params, 'product');
  const productData = readObject(params, 'product_data');
  if (!productId && !productData) throw parameterMissing('product');
  if (productId) {
    findOr404(account, 'product', productId, 'product');
  } else if (productData) {
    const now = nowSeconds();
    const product: Stripe.Product = {
      id: newId('prod'),
      object: 'product',
      active: readBoolean(productData, 'active') ?? true,
      created: now,
      default_price: null,
      description: null,
      images: [],
      livemode: false,
      marketing_features: [],
      metadata: applyMetadata({}, productData),
      name: readString(productData, 'name') ?? '',
      package_dimensions: null,
      shippable: null,
      statement_descriptor: readString(productData, 'statement_descriptor') ?? null,
      tax_code: readString(productData, 'tax_code') ?? null,
      tax_details: null,
      type: 'service',
      unit_label: readString(productData, 'unit_label') ?? null,
      updated: now,
      url: null,
    };
    account.put('product', product);
    recordEvent(context, 'product.created', product);
    productId = product.id;
  }
  const unitAmount = readInteger(params, 'unit_amount');
  const decimal = readString(params, 'unit_amount_decimal');
  if (unitAmount === undefined && decimal === undefined && !readObject(params, 'custom_unit_amount')) {
    throw parameterMissing('unit_amount');
  }
  if (unitAmount !== undefined && unitAmount < 0) {
    throw invalidRequest('This value must be greater than or equal to 0.', { param: 'unit_amount' });
  }
  const recurring = buildRecurring(readObject(params, 'recurring'));
  const price: Price = {
    id: newId('price'),
    object: 'price',
    active: readBoolean(params, 'active') ?? true,
    billing_scheme: (readString(params, 'billing_scheme') ?? 'per_unit') as Stripe.Price.BillingScheme,
    created: nowSeconds(),
    currency: (readString(params, 'currency') ?? '').toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: readString(params, 'lookup_key') ?? null,
    metadata: applyMetadata({}, params),
    nickname: readString(params, 'nickname') ?? null,
    product: productId!,
    recurring,
    tax_behavior: (readString(params, 'tax_behavior') ?? 'unspecified') as Stripe.Price.TaxBehavior,
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount ?? (decimal !== undefined ? Math.round(Number(decimal)) : null),
    unit_amount_decimal: decimal ?? (unitAmount !== undefined ? String(unitAmount) : null),
  };
  account.put('price', price);
  recordEvent(context, 'price.created', price);
  return price;
}

export const prices: ResourceModule = {
  expandable: { price: { product: 'product' } },
  routes: [
    { operation: 'POST /v1/prices', handle: (context) => createPrice(context, context.params) },
    {
      operation: 'GET /v1/prices/{price}',
      handle: (context) => findOr404(context.account, 'price', context.pathParams.price!),
    },
    {
      operation: 'POST /v1/prices/{price}',
      handle(context) {
        const before = findOr404(context.account, 'price', context.pathParams.price!);
        const after: Price = { ...before, metadata: applyMetadata(before.metadata, context.params) };
        const active = readBoolean(context.params, 'active');
        if (active !== undefined) after.active = active;
        for (const key of ['nickname', 'lookup_key'] as const) {
          const value = readNullableString(context.params, key);
          if (value !== undefined) after[key] = value;
        }
        const taxBehavior = readString(context.params, 'tax_behavior');
        if (taxBehavior) after.tax_behavior = taxBehavior as Stripe.Price.TaxBehavior;
        context.account.put('price', after);
        const previous = previousAttributes(before, after);
        if (Object.keys(previous).length > 0) recordEvent(context, 'price.updated', after, previous);
        return after;
      },
    },
    {
      operation: 'GET /v1/prices',
      handle(context) {
        const { params } = context;
        const active = readBoolean(params, 'active');
        const product = readString(params, 'product');
        const currency = readString(params, 'currency');
        const type = readString(params, 'type');
        const lookupKeys = readStringArray(params, 'lookup_keys');
        return paginate(context, context.account.all('price'), {
          noun: 'price',
          filter: (price) =>
            (active === undefined || price.active === active) &&
            (product === undefined || price.product === product) &&
            (currency === undefined || price.currency === currency.toLowerCase()) &&
            (type === undefined || price.type === type) &&
            (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))),
        });
      },
    },
  ],
};
