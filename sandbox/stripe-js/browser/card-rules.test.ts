import { describe, expect, it } from 'vitest';
import { checkCvc, checkExpiry, checkNumber, checkPostalCode, detectBrand, formatExpiry, formatNumber, passesLuhn } from './card-rules';

describe('card rules', () => {
  it('detects brands from the leading digits', () => {
    expect(detectBrand('4242')).toBe('visa');
    expect(detectBrand('5555')).toBe('mastercard');
    expect(detectBrand('2223')).toBe('mastercard');
    expect(detectBrand('3782')).toBe('amex');
    expect(detectBrand('6011')).toBe('discover');
    expect(detectBrand('9999')).toBe('unknown');
  });

  it('formats numbers in the groups printed on the card', () => {
    expect(formatNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatExpiry('1230')).toBe('12 / 30');
    expect(formatExpiry('4')).toBe('04');
  });

  it('flags a wrong number only once it cannot still be right, and an unfinished one on submit', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(checkNumber('4242', false)).toBeNull();
    expect(checkNumber('4242', true)?.code).toBe('incomplete_number');
    expect(checkNumber('4242424242424241', false)?.code).toBe('invalid_number');
    expect(checkNumber('4242424242424242', true)).toBeNull();
    expect(checkNumber('', true)?.message).toBe('Your card number is incomplete.');
  });

  it('wants an expiry in the future', () => {
    const now = new Date(2026, 10, 27);
    expect(checkExpiry('12 / 30', true, now)).toBeNull();
    expect(checkExpiry('10 / 26', true, now)?.code).toBe('invalid_expiry_month_past');
    expect(checkExpiry('12 / 20', true, now)?.code).toBe('invalid_expiry_year_past');
    expect(checkExpiry('13', false, now)?.code).toBe('invalid_expiry_month');
    expect(checkExpiry('1', true, now)?.code).toBe('incomplete_expiry');
  });

  it('wants 4 CVC digits for Amex and 3 for the others, and a postal code', () => {
    expect(checkCvc('123', 'amex', true)?.code).toBe('incomplete_cvc');
    expect(checkCvc('1234', 'amex', true)).toBeNull();
    expect(checkCvc('123', 'visa', true)).toBeNull();
    expect(checkPostalCode('', true)?.code).toBe('incomplete_zip');
    expect(checkPostalCode('SW1A 1AA', true)).toBeNull();
  });
});
