// Builders for small nested Stripe shapes that several resources share (addresses, shipping).
import type Stripe from 'stripe';
import type { ParamObject } from '../params/validate-params';
import { readObject, readString } from './read-params';

const text = (params: ParamObject, key: string): string | null => {
  const value = readString(params, key);
  return value === undefined || value === '' ? null : value;
};

export function buildAddress(params: ParamObject | undefined): Stripe.Address {
  return {
    city: params ? text(params, 'city') : null,
    country: params ? text(params, 'country') : null,
    line1: params ? text(params, 'line1') : null,
    line2: params ? text(params, 'line2') : null,
    postal_code: params ? text(params, 'postal_code') : null,
    state: params ? text(params, 'state') : null,
  };
}

/** `address=""` unsets; an object replaces; absent keeps `current`. */
export function updateAddress(current: Stripe.Address | null | undefined, params: ParamObject): Stripe.Address | null {
  if (!('address' in params)) return current ?? null;
  const value = readObject(params, 'address');
  return value ? buildAddress(value) : null;
}

export function updateShipping(current: Stripe.Customer.Shipping | null, params: ParamObject): Stripe.Customer.Shipping | null {
  if (!('shipping' in params)) return current;
  const value = readObject(params, 'shipping');
  if (!value) return null;
  return { address: buildAddress(readObject(value, 'address')), name: text(value, 'name') ?? '', phone: text(value, 'phone') };
}
