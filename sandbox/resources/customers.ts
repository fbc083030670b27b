// Customers: create, retrieve, update, delete, list (email filter) and search, with their events.
import type Stripe from 'stripe';
import { deleteWithTombstone, findOr404, findOrTombstone } from '../core/crud';
import { previousAttributes, recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { has, readInteger, readNullableString, readObject, readString, readStringArray } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { search } from '../core/search';
import { updateAddress, updateShipping } from '../core/shapes';
import type { RequestContext } from '../http/route';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';

/** Applies the parameters create and update share to `current`, returning a new object. */
function applyCustomerParams(current: Stripe.Customer, context: RequestContext): Stripe.Customer {
  const { params } = context;
  const invoiceSettings = readObject(params, 'invoice_settings');
  const next: Stripe.Customer = {
    ...current,
    address: updateAddress(current.address, params),
    shipping: updateShipping(current.shipping, params),
    metadata: applyMetadata(current.metadata, params),
  };
  for (const key of ['email', 'name', 'description', 'phone'] as const) {
    const value = readNullableString(params, key);
    if (value !== undefined) next[key] = value;
  }
  const balance = readInteger(params, 'balance');
  if (balance !== undefined) next.balance = balance;
  const taxExempt = readString(params, 'tax_exempt');
  if (taxExempt) next.tax_exempt = taxExempt as Stripe.Customer.TaxExempt;
  if (has(params, 'preferred_locales')) next.preferred_locales = readStringArray(params, 'preferred_locales');
  const invoicePrefix = readString(params, 'invoice_prefix');
  if (invoicePrefix) next.invoice_prefix = invoicePrefix;
  const nextSequence = readInteger(params, 'next_invoice_sequence');
  if (nextSequence !== undefined) next.next_invoice_sequence = nextSequence;
  if (invoiceSettings) {
    const defaultPaymentMethod = readNullableString(invoiceSettings, 'default_payment_method');
    const footer = readNullableString(invoiceSettings, 'footer');
    next.invoice_settings = {
      ...next.invoice_settings,
      ...(defaultPaymentMethod !== undefined ? { default_payment_method: defaultPaymentMethod } : {}),
      ...(footer !== undefined ? { footer } : {}),
    };
  }
  return next;
}

function blankCustomer(): Stripe.Customer {
  return {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomAlphanumeric(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export const customers: ResourceModule = {
  routes: [
    {
      operation: 'POST /v1/customers',
      handle(context) {
        const customer = context.account.put('customer', applyCustomerParams(blankCustomer(), context));
        recordEvent(context, 'customer.created', customer);
        return customer;
      },
    },
    {
      operation: 'GET /v1/customers/{customer}',
      handle: (context) => findOrTombstone(context.account, 'customer', context.pathParams.customer!),
    },
    {
      operation: 'POST /v1/customers/{customer}',
      handle(context) {
        const before = findOr404(context.account, 'customer', context.pathParams.customer!);
        const after = context.account.put('customer', applyCustomerParams(before, context));
        const previous = previousAttributes(before, after);
        // Stripe records no event for an update that changes nothing.
        if (Object.keys(previous).length > 0) recordEvent(context, 'customer.updated', after, previous);
        return after;
      },
    },
    {
      operation: 'DELETE /v1/customers/{customer}',
      handle(context) {
        const customer = findOr404(context.account, 'customer', context.pathParams.customer!);
        const tombstone = deleteWithTombstone(context.account, 'customer', customer.id);
        recordEvent(context, 'customer.deleted', customer);
        return tombstone;
      },
    },
    {
      operation: 'GET /v1/customers',
      handle(context) {
        const email = readString(context.params, 'email');
        return paginate(context, context.account.all('customer'), {
          noun: 'customer',
          filter: email === undefined ? undefined : (customer) => customer.email === email,
        });
      },
    },
    {
      operation: 'GET /v1/customers/search',
      handle: (context) =>
        search(context, context.account.all('customer'), {
          resource: 'customers',
          fields: {
            email: (c) => c.email,
            name: (c) => c.name,
            phone: (c) => c.phone,
            description: (c) => c.description,
            created: (c) => c.created,
          },
          metadata: (c) => c.metadata,
        }),
    },
  ],
};
