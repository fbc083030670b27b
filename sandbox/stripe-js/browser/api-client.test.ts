import { describe, expect, it } from 'vitest';
import { encodeForm } from './api-client';

describe('encodeForm', () => {
  it("encodes nested objects and arrays with Stripe's brackets and leaves out empty values", () => {
    const pairs = encodeForm({ type: 'card', card: { number: '4242', exp_month: 12 }, expand: ['payment_method'], email: undefined, name: null });
    expect(pairs).toEqual([
      ['type', 'card'],
      ['card[number]', '4242'],
      ['card[exp_month]', '12'],
      ['expand[0]', 'payment_method'],
    ]);
  });
});
