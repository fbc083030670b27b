// Products: create (optionally with default_price_data), retrieve, update, delete, list, with events.
import type Stripe from 'stripe';
import { deleteWithTombstone, findOr404, findOrTombstone } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readArray, readBoolean, readNullableString, readObject, readString, readStringArray } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds } from '../store/ids';
import { createPrice } from './prices';

function applyProductParams(current: Stripe.Product, context: RequestContext): Stripe.Product {
  const { params } = context;
  const next: Stripe.Product = { ...current, metadata: applyMetadata(current.metadata, params), updated: nowSeconds() };
  const name = readString(params, 'name');
  if (name !== undefined) next.name = name;
  const active = readBoolean(params, 'active');
  if (active !== undefined) next.active = active;
  const shippable = readBoolean(params, 'shippable');
  if (shippable !== undefined) next.shippable = shippable;
  for (const key of ['description', 'statement_descriptor', 'unit_label', 'url', 'tax_code'] as const) {
    const value = readNullableString(params, key);
    if (value !== undefined) next[key] = value;
  }
  if (has(params, 'images')) next.images = readStringArray(params, 'images');
  if (has(params, 'marketing_features')) {
    next.marketing_features = (readArray(params, 'marketing_features') ?? []).flatMap((feature) =>
      typeof feature === 'object' && !Array.isArray(feature) && typeof feature.name === 'string' ? [{ name: feature.name }] : [],
    );
  }
  const defaultPrice = readNullableString(params, 'default_price');
  if (defaultPrice) findOr404(context.account, 'price', defaultPrice, 'default_price');
  if (defaultPrice !== undefined) next.default_price = defaultPrice;
  return next;
}

export const products: ResourceModule = {
  expandable: { product: { default_price: 'price' } },
  routes: [
    {
      operation: 'POST /v1/products',
      handle(context) {
        const now = nowSeconds();
        const requestedId = readString(context.params, 'id');
        if (requestedId && context.account.get('product', requestedId)) {
          throw invalidRequest(`Product already exists.`, { code: 'resource_already_exists', param: 'id' });
        }
        const blank: Stripe.Product = {
          id: requestedId ?? newId('prod'),
          object: 'product',
          active: true,
          created: now,
          default_price: null,
          description: null,
          images: [],
          livemode: false,
          marketing_features: [],
          metadata: {},
          name: '',
          package_dimensions: null,
          shippable: null,
          statement_descriptor: null,
          tax_code: null,
          tax_details: null,
          type: readString(context.params, 'type') === 'good' ? 'good' : 'service',
          unit_label: null,
          updated: now,
          url: null,
        };
        let product = context.account.put('product', applyProductParams(blank, context));
        recordEvent(context, 'product.created', product);
        const priceData = readObject(context.params, 'default_price_data');
        if (priceData) {
          const price = createPrice(context, { ...priceData, product: product.id });
          product = context.account.put('product', { ...product, default_price: price.id });
        }
        return product;
      },
    },
    {
      operation: 'GET /v1/products/{id}',
      handle: (context) => findOrTombstone(context.account, 'product', context.pathParams.id!),
    },
    {
      operation: 'POST /v1/products/{id}',
      handle(context) {
        const before = findOr404(context.account, 'product', context.pathParams.id!);
        const after = context.account.put('product', applyProductParams(before, context));
        const { updated: _updated, ...previous } = previousAttributes(before, after);
        if (Object.keys(previous).length > 0) recordEvent(context, 'product.updated', after, previous);
        return after;
      },
    },
    {
      operation: 'DELETE /v1/products/{id}',
      handle(context) {
        const product = findOr404(context.account, 'product', context.pathParams.id!);
        if (context.account.all('price').some((price) => price.product === product.id)) {
          throw invalidRequest('This product cannot be deleted because it has one or more user-created prices.');
        }
        const tombstone = deleteWithTombstone(context.account, 'product', product.id);
        recordEvent(context, 'product.deleted', product);
        return tombstone;
      },
    },
    {
      operation: 'GET /v1/products',
      handle(context) {
        const active = readBoolean(context.params, 'active');
        const ids = readStringArray(context.params, 'ids');
        return paginate(context, context.account.all('product'), {
          noun: 'product',
          filter: (product) => (active === undefined || product.active === active) && (ids.length === 0 || ids.includes(product.id)),
        });
      },
    },
  ],
};
