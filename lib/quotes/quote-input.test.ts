import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createQuoteSchema } from './quote-input';

const base = { customerId: 'cus_123', currency: 'usd', idempotencyNonce: randomUUID() };
const issuesOf = (input: Record<string, unknown>) => {
  const result = createQuoteSchema.safeParse({ ...base, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('createQuoteSchema', () => {
  it('reads existing-price rows and new-price rows in minor units, skipping empty rows', () => {
    const parsed = createQuoteSchema.parse({
      ...base,
      linePrice: ['price_1', '', ''],
      lineProduct: ['', 'Workshop', ''],
      lineUnitAmount: ['', '1,250.5', ''],
      lineInterval: ['one_time', 'month', 'one_time'],
      lineQuantity: ['3', '', '1'],
      expiresInDays: '',
    });
    expect(parsed.lines).toEqual([
      { row: 0, kind: 'price', priceId: 'price_1', quantity: 3 },
      { row: 1, kind: 'inline', productName: 'Workshop', unitAmount: 125050, interval: 'month', quantity: 1 },
    ]);
    expect(parsed.expiresInDays).toBeUndefined();
  });

  it('asks for at least one line', () => {
    expect(issuesOf({ linePrice: [''], lineQuantity: ['1'] })).toEqual({ lines: 'Add at least one line: an existing price or a new one.' });
  });

  it('names the row and field of each bad value', () => {
    expect(issuesOf({ lineProduct: ['', 'Setup'], lineUnitAmount: ['5', 'ten'], lineQuantity: ['1', '1.5'] })).toMatchObject({
      'lines.0.productName': 'Name what is sold, or choose an existing price.',
      'lines.1.quantity': 'Enter a whole quantity of at least 1.',
    });
    expect(issuesOf({ lineProduct: ['Setup'], lineUnitAmount: ['ten'] })).toHaveProperty(['lines.0.unitAmount']);
  });

  it('refuses recurring lines on different intervals, as Stripe allows one per quote', () => {
    expect(issuesOf({ lineProduct: ['Plan', 'Support'], lineUnitAmount: ['10', '5'], lineInterval: ['month', 'year'] })).toEqual({
      lines: 'A quote bills every recurring line on one interval; choose the same one for all.',
    });
  });

  it('bounds the expiry to whole days within a year', () => {
    const line = { linePrice: ['price_1'] };
    expect(issuesOf({ ...line, expiresInDays: '0' })).toEqual({ expiresInDays: 'At least 1 day.' });
    expect(issuesOf({ ...line, expiresInDays: '366' })).toEqual({ expiresInDays: 'At most 365 days.' });
    expect(issuesOf({ ...line, expiresInDays: '2.5' })).toEqual({ expiresInDays: 'Enter whole days.' });
  });
});
