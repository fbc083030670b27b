import { describe, expect, it } from 'vitest';
import { checkPaymentAmount, formatAmount, processingFee, readCurrency } from './money';

describe('money', () => {
  it('writes amounts the way Stripe’s messages do, with zero-decimal currencies whole', () => {
    expect(formatAmount(50, 'usd')).toBe('$0.50');
    expect(formatAmount(123456789, 'eur')).toBe('€1,234,567.89');
    expect(formatAmount(50, 'jpy')).toBe('¥50');
    expect(formatAmount(-2001, 'gbp')).toBe('-£20.01');
    expect(formatAmount(700, 'chf')).toBe('7.00');
  });

  it('charges 2.9% + 30 with the percentage rounded half up to a whole minor unit', () => {
    expect(processingFee(10000)).toBe(320);
    expect(processingFee(1050)).toBe(60);
    expect(processingFee(1150)).toBe(63);
    expect(processingFee(1017)).toBe(59);
    for (let amount = 50; amount < 5000; amount += 7) expect(Number.isInteger(processingFee(amount))).toBe(true);
  });

  it('applies each currency’s minimum and the eight-digit maximum', () => {
    expect(() => checkPaymentAmount(50, 'usd')).not.toThrow();
    expect(() => checkPaymentAmount(29, 'gbp')).toThrow('Amount must be at least £0.30 gbp');
    expect(() => checkPaymentAmount(100_000_000, 'usd')).toThrow('Amount must be no more than $999,999.99');
  });

  it('lower-cases currencies and refuses unknown ones', () => {
    expect(readCurrency('EUR')).toBe('eur');
    expect(() => readCurrency('abc')).toThrow(/Invalid currency: abc/);
  });
});
