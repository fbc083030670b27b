import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';

describe('the Stripe shape checker', () => {
  it('accepts a sandbox customer and rejects one missing a field Stripe’s sample has', async () => {
    const customer = await sandboxStripe().customers.create({ name: 'Shape' });
    expectStripeShape(customer, 'customer');
    const { invoice_prefix: _dropped, ...withoutPrefix } = customer;
    expect(() => expectStripeShape(withoutPrefix, 'customer')).toThrow(/invoice_prefix: missing/);
  });

  it('rejects a field of another JSON type and a null where the SDK does not allow one', async () => {
    const customer = await sandboxStripe().customers.create({ name: 'Shape' });
    expect(() => expectStripeShape({ ...customer, balance: '0' })).toThrow(/balance: string, but Stripe's customer has number/);
    expect(() => expectStripeShape({ ...customer, metadata: null })).toThrow(/metadata: null/);
  });

  it('rejects a wrong or unknown object value', async () => {
    const customer = await sandboxStripe().customers.create({ name: 'Shape' });
    expect(() => expectStripeShape(customer, 'product')).toThrow(/expected 'product'/);
    expect(() => expectStripeShape({ ...customer, object: 'customr' })).toThrow(/no sample for object 'customr'/);
  });
});
