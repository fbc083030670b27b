import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './delivery-config';
import { signatureHeader } from './sign-payload';

const stripe = new Stripe('sk_test_unit');
const secret = 'whsec_unitTestSecret0123456789abcdef';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created' }, null, 2);

describe('signatureHeader', () => {
  it('produces the header the SDK’s own test helper produces for the same time and secret', () => {
    const timestamp = 1_795_000_000;
    expect(signatureHeader(payload, secret, timestamp)).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('verifies with constructEvent now, and is refused once older than the 300 s tolerance', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now), secret).id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now - 301), secret)).toThrow(/tolerance/);
  });
});

describe('retryDelayMs', () => {
  it('waits base, then twice as long after each further failure', () => {
    const config = { retryBaseMs: 1000, maxAttempts: 5, timeoutMs: 1 };
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(config, attempts))).toEqual([1000, 2000, 4000, 8000]);
  });
});
