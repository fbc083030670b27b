import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { destinationChargeSchema, transferGroupOf } from './connect-input';

const valid = { accountId: 'acct_123', amount: '100.00', currency: 'USD', applicationFee: '15.00', orderReference: 'O-1', idempotencyNonce: randomUUID() };

describe('the destination charge form', () => {
  it('reads amount and fee as minor units in the chosen currency', () => {
    expect(destinationChargeSchema.parse(valid)).toMatchObject({ amount: 10_000, applicationFee: 1_500, currency: 'usd', orderReference: 'O-1' });
    expect(destinationChargeSchema.parse({ ...valid, currency: 'jpy', amount: '5000', applicationFee: '0' })).toMatchObject({ amount: 5000, applicationFee: 0 });
  });

  it('refuses a platform fee equal to or above the amount, on the fee field', () => {
    for (const applicationFee of ['100.00', '100.01', '250']) {
      const result = destinationChargeSchema.safeParse({ ...valid, applicationFee });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['applicationFee'], message: 'The platform fee must be less than the amount ($100.00).' })]);
    }
  });

  it('refuses a negative fee, an order reference Stripe could not group by, and an id that is not an account', () => {
    expect(destinationChargeSchema.safeParse({ ...valid, applicationFee: '-1' }).error?.issues[0]?.path).toEqual(['applicationFee']);
    expect(destinationChargeSchema.safeParse({ ...valid, orderReference: 'order 1/2' }).error?.issues[0]?.path).toEqual(['orderReference']);
    expect(destinationChargeSchema.safeParse({ ...valid, accountId: 'cus_123' }).error?.issues[0]?.path).toEqual(['accountId']);
  });

  it('groups an order at Stripe under order_<reference>', () => {
    expect(transferGroupOf('O-1')).toBe('order_O-1');
  });
});
