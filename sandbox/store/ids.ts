// Stripe-like identifiers: a prefix and random alphanumerics (`cus_…`, `evt_…`, `req_…`).
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 62 does not divide 256; the slight bias is irrelevant for test identifiers.
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Customers and products carry 14 characters like Stripe's; most other objects 24. */
export function newId(prefix: string, length = prefix === 'cus' || prefix === 'prod' ? 14 : 24): string {
  return `${prefix}_${randomAlphanumeric(length)}`;
}

export const newRequestId = (): string => newId('req', 14);

/** Unix seconds, as Stripe's `created` fields. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
