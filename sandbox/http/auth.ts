// Reads the API key from `Authorization` (Bearer, or Basic with the key as user) or, as Stripe.js sends
// it, the `key` parameter; a publishable key `pk_test_X` acts for the account of `sk_test_X`.
import { StripeApiError } from './stripe-error';

const KEY_PATTERN = /^sk_test_[A-Za-z0-9_]{1,200}$/;
const PUBLISHABLE_PATTERN = /^pk_test_[A-Za-z0-9_]{1,200}$/;

const unauthorized = (message: string) => new StripeApiError(401, { type: 'invalid_request_error', message });

function mask(key: string): string {
  const underscore = key.lastIndexOf('_', 8);
  const prefix = underscore > 0 ? key.slice(0, underscore + 1) : '';
  return `${prefix}${'*'.repeat(Math.max(0, key.length - prefix.length - 4))}${key.slice(-4)}`;
}

/** The account key of a request, or a 401 in Stripe's words. */
export function readSecretKey(header: string | undefined): string {
  if (!header || header.trim() === '') {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  const [scheme, credentials = ''] = header.trim().split(/\s+/, 2) as [string, string?];
  let key = '';
  if (scheme.toLowerCase() === 'bearer') key = credentials;
  else if (scheme.toLowerCase() === 'basic') key = Buffer.from(credentials, 'base64').toString().split(':')[0] ?? '';
  else {
    throw unauthorized(
      "Invalid authorization header. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (!KEY_PATTERN.test(key)) throw unauthorized(`Invalid API Key provided: ${mask(key)}`);
  return key;
}

export interface ApiKey {
  /** The `sk_test_…` key naming the account (a publishable key maps to its secret twin). */
  accountKey: string;
  isPublishable: boolean;
}

const publishable = (key: string): ApiKey => ({ accountKey: `sk_test_${key.slice('pk_test_'.length)}`, isPublishable: true });

/**
 * The key of an API request: the Authorization header, else the form/query `key` parameter that
 * Stripe.js uses so its browser requests stay CORS-simple (no preflight).
 */
export function readApiKey(header: string | undefined, keyParam: unknown): ApiKey {
  const hasHeader = !!header && header.trim() !== '';
  if (!hasHeader && typeof keyParam === 'string' && keyParam !== '') {
    if (PUBLISHABLE_PATTERN.test(keyParam)) return publishable(keyParam);
    if (KEY_PATTERN.test(keyParam)) return { accountKey: keyParam, isPublishable: false };
    throw unauthorized(`Invalid API Key provided: ${mask(keyParam)}`);
  }
  const bearer = /^\s*bearer\s+(pk_\S*)\s*$/i.exec(header ?? '')?.[1];
  if (bearer !== undefined) {
    if (!PUBLISHABLE_PATTERN.test(bearer)) throw unauthorized(`Invalid API Key provided: ${mask(bearer)}`);
    return publishable(bearer);
  }
  return { accountKey: readSecretKey(header), isPublishable: false };
}
