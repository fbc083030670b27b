// Stripe's metadata rules: ≤50 keys, keys ≤40 characters, values ≤500; "" unsets a key, `metadata=""` clears.
import type Stripe from 'stripe';
import { invalidRequest } from '../http/stripe-error';
import type { ParamObject } from '../params/validate-params';

const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/** The metadata after applying the request's `metadata` parameter to `current` (create: `{}`). */
export function applyMetadata(current: Stripe.Metadata, params: ParamObject): Stripe.Metadata {
  const update = params.metadata;
  if (update === undefined) return current;
  if (update === '') return {};
  if (typeof update !== 'object' || Array.isArray(update)) throw invalidRequest('Invalid object', { param: 'metadata' });
  const next: Stripe.Metadata = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (key.length > MAX_KEY_LENGTH) {
      throw invalidRequest(`Invalid key: ${key} must be a string under ${MAX_KEY_LENGTH} characters`, { param: `metadata[${key}]` });
    }
    const text = typeof value === 'string' ? value : String(value);
    if (text.length > MAX_VALUE_LENGTH) {
      throw invalidRequest(`Invalid val: ${text} must be a string under ${MAX_VALUE_LENGTH} characters`, { param: `metadata[${key}]` });
    }
    if (text === '') delete next[key];
    else next[key] = text;
  }
  const count = Object.keys(next).length;
  if (count > MAX_KEYS) {
    throw invalidRequest(
      `Metadata can have up to ${MAX_KEYS} keys, but you've set ${count}. Email us at support+metadata@stripe.com for more information.`,
      { param: 'metadata' },
    );
  }
  return next;
}
