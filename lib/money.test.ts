import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  currencyExponent,
  currencySchema,
  formatMinorAmount,
  isSupportedCurrency,
  majorAmountSchema,
  maximumChargeAmount,
  minimumChargeAmount,
  parseMajorAmount,
  SUPPORTED_CURRENCIES,
  toMajorString,
} from './money';

const minorOf = (input: string, currency: string) => {
  const result = parseMajorAmount(input, currency);
  if (!result.ok) throw new Error(`expected ${input} ${currency} to parse, got: ${result.message}`);
  return result.minor;
};
const refusal = (input: string, currency: string, options?: { allowZero?: boolean }) => {
  const result = parseMajorAmount(input, currency, options);
  if (result.ok) throw new Error(`expected ${input} ${currency} to be refused, got ${result.minor}`);
  return result;
};

describe('currencies', () => {
  it('knows the usual currencies in any case and refuses made-up ones', () => {
    expect(isSupportedCurrency('usd')).toBe(true);
    expect(isSupportedCurrency('EUR')).toBe(true);
    expect(isSupportedCurrency('kwd')).toBe(true);
    expect(isSupportedCurrency('xyz')).toBe(false);
    expect(isSupportedCurrency('')).toBe(false);
    expect(SUPPORTED_CURRENCIES.every((code) => code === code.toLowerCase() && code.length === 3)).toBe(true);
  });

  it('uses Stripe exponents: JPY 0, USD 2, KWD 3, and ISK, UGX, HUF, TWD 2 for charges', () => {
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('usd')).toBe(2);
    expect(currencyExponent('kwd')).toBe(3);
    for (const code of ['isk', 'ugx', 'huf', 'twd']) expect(currencyExponent(code)).toBe(2);
  });
});

describe('parseMajorAmount', () => {
  it('turns 19.99 USD into 1999 cents', () => {
    expect(minorOf('19.99', 'usd')).toBe(1999);
    expect(minorOf('19.9', 'USD')).toBe(1990);
    expect(minorOf('19', 'usd')).toBe(1900);
    expect(minorOf('.5', 'usd')).toBe(50);
  });

  it('is exact where floating point is not (4.35, 1.15, 8.2, 0.29, 0.1 + 0.2)', () => {
    expect(minorOf('4.35', 'usd')).toBe(435);
    expect(minorOf('1.15', 'usd')).toBe(115);
    expect(minorOf('8.2', 'usd')).toBe(820);
    expect(minorOf('0.29', 'usd')).toBe(29);
    expect(minorOf('0.1', 'usd') + minorOf('0.2', 'usd')).toBe(minorOf('0.3', 'usd'));
  });

  it('takes 5000 JPY as 5000 and refuses 50.5 JPY because yen has no decimals', () => {
    expect(minorOf('5000', 'jpy')).toBe(5000);
    expect(refusal('50.5', 'jpy')).toMatchObject({ code: 'too_many_decimals', message: 'JPY has no decimal places.' });
  });

  it('refuses a third decimal in a two-decimal currency', () => {
    expect(refusal('1.005', 'usd')).toMatchObject({ code: 'too_many_decimals', message: 'USD allows at most 2 decimal places.' });
  });

  it('takes 1.230 KWD as 1230 but refuses 1.234 KWD, since Stripe needs the last digit to be 0', () => {
    expect(minorOf('1.230', 'kwd')).toBe(1230);
    expect(minorOf('1.23', 'kwd')).toBe(1230);
    expect(refusal('1.234', 'kwd')).toMatchObject({
      code: 'not_a_valid_step',
      message: 'KWD amounts must end in 0 in the third decimal place, like 1.230.',
    });
    expect(refusal('1.2345', 'kwd').code).toBe('too_many_decimals');
  });

  it('takes whole krónur and shillings as hundreds and refuses fractions of them', () => {
    expect(minorOf('5', 'isk')).toBe(500);
    expect(minorOf('5.00', 'isk')).toBe(500);
    expect(refusal('5.50', 'isk').message).toBe("ISK can't be charged in fractions; enter a whole amount.");
    expect(minorOf('5000', 'ugx')).toBe(500000);
    expect(minorOf('10.45', 'huf')).toBe(1045);
  });

  it('accepts thousands separators only as 1,234.56 and trims whitespace', () => {
    expect(minorOf('1,234.56', 'usd')).toBe(123456);
    expect(minorOf('1,234,567', 'jpy')).toBe(1234567);
    expect(minorOf('  42.10\n', 'usd')).toBe(4210);
    for (const bad of ['1,23', '1,2345', '12,34.56', '1.234,56']) expect(refusal(bad, 'usd').code).toBe('bad_separators');
    expect(refusal('1,23', 'usd').message).toBe('Use commas only between groups of three digits, like 1,234.56.');
  });

  it('refuses scientific notation, garbage and blanks with a message saying what is wrong', () => {
    expect(refusal('1e3', 'usd')).toMatchObject({ code: 'scientific_notation', message: 'Write the amount out in full, like 1000 (not 1e3).' });
    expect(refusal('2.5E-1', 'usd').code).toBe('scientific_notation');
    expect(refusal('', 'usd')).toMatchObject({ code: 'empty', message: 'Enter an amount.' });
    expect(refusal('  ', 'usd').code).toBe('empty');
    for (const bad of ['abc', '--1', '1.2.3', '.', ',', '+5', '1 000', '$5', '12.5.']) {
      expect(refusal(bad, 'usd').code, bad).toBe('not_a_number');
    }
    expect(refusal('abc', 'usd').message).toBe('Enter the amount as a number, like 1250.00.');
    expect(refusal('abc', 'jpy').message).toBe('Enter the amount as a number, like 1250.');
  });

  it('refuses negative amounts', () => {
    expect(refusal('-5', 'usd')).toMatchObject({ code: 'negative', message: "The amount can't be negative." });
    expect(refusal('- 1,000.00', 'usd').code).toBe('negative');
  });

  it('refuses zero unless the caller allows it', () => {
    expect(refusal('0', 'usd')).toMatchObject({ code: 'zero', message: 'Enter an amount above zero.' });
    expect(refusal('0.00', 'usd').code).toBe('zero');
    expect(parseMajorAmount('0.00', 'usd', { allowZero: true })).toEqual({ ok: true, minor: 0 });
  });

  it('accepts Stripe maximum of eight digits and refuses one minor unit more', () => {
    expect(minorOf('999,999.99', 'usd')).toBe(99_999_999);
    expect(refusal('1000000', 'usd')).toMatchObject({ code: 'above_maximum', message: 'The most Stripe accepts in USD is $999,999.99.' });
    expect(minorOf('99999999', 'jpy')).toBe(99_999_999);
    expect(refusal('100000000', 'jpy').code).toBe('above_maximum');
    expect(refusal('123456789012345678901234567890', 'usd').code).toBe('above_maximum');
  });

  it('allows the larger documented maximums for IDR, COP and INR', () => {
    expect(maximumChargeAmount('usd')).toBe(99_999_999);
    expect(minorOf('9,999,999,999.99', 'idr')).toBe(999_999_999_999);
    expect(minorOf('99,999,999.99', 'cop')).toBe(9_999_999_999);
    expect(minorOf('9,999,999.99', 'inr')).toBe(999_999_999);
    expect(refusal('10000000', 'inr').code).toBe('above_maximum');
  });

  it('refuses a currency Paydesk does not accept', () => {
    expect(refusal('10', 'xyz')).toMatchObject({ code: 'unsupported_currency', message: "Paydesk can't take payments in XYZ." });
  });
});

describe('minimumChargeAmount', () => {
  it('gives Stripe minimum per settlement currency, and null where Stripe publishes none', () => {
    expect(minimumChargeAmount('usd')).toBe(50);
    expect(minimumChargeAmount('GBP')).toBe(30);
    expect(minimumChargeAmount('jpy')).toBe(50);
    expect(minimumChargeAmount('huf')).toBe(17_500);
    expect(minimumChargeAmount('mxn')).toBe(1000);
    expect(minimumChargeAmount('kwd')).toBeNull();
  });

  it('lets a form tell 0.49 USD apart from 0.50 USD', () => {
    const min = minimumChargeAmount('usd') ?? 0;
    expect(minorOf('0.49', 'usd') < min).toBe(true);
    expect(minorOf('0.50', 'usd') >= min).toBe(true);
  });
});

describe('formatMinorAmount', () => {
  it('shows each kind of currency with its own decimals', () => {
    expect(formatMinorAmount(1999, 'usd')).toBe('$19.99');
    expect(formatMinorAmount(5000, 'jpy')).toBe('¥5,000');
    expect(formatMinorAmount(1230, 'kwd')).toBe('KWD\u00a01.230');
    expect(formatMinorAmount(500, 'isk')).toBe('ISK\u00a05');
    expect(formatMinorAmount(99_999_999, 'usd')).toBe('$999,999.99');
    expect(formatMinorAmount(999_999_999_999, 'idr')).toBe('IDR\u00a09,999,999,999.99');
  });

  it('shows zero, small and negative amounts exactly', () => {
    expect(formatMinorAmount(0, 'usd')).toBe('$0.00');
    expect(formatMinorAmount(5, 'usd')).toBe('$0.05');
    expect(formatMinorAmount(-1250, 'usd')).toBe('-$12.50');
    expect(formatMinorAmount(435, 'usd')).toBe('$4.35');
  });

  it('follows the locale for symbols and separators', () => {
    expect(formatMinorAmount(123456, 'eur', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatMinorAmount(5000, 'JPY', 'ja-JP')).toBe('￥5,000');
  });

  it('keeps an old fractional ISK amount visible instead of rounding it away', () => {
    expect(formatMinorAmount(4010, 'isk')).toBe('ISK\u00a040.10');
  });

  it('refuses a non-integer because money is stored in minor units', () => {
    expect(() => formatMinorAmount(19.99, 'usd')).toThrow(RangeError);
  });
});

describe('toMajorString', () => {
  it('writes minor units back into a text box', () => {
    expect(toMajorString(1250, 'usd')).toBe('12.50');
    expect(toMajorString(5, 'usd')).toBe('0.05');
    expect(toMajorString(5000, 'jpy')).toBe('5000');
    expect(toMajorString(1230, 'kwd')).toBe('1.230');
    expect(toMajorString(500, 'isk')).toBe('5');
    expect(toMajorString(123456789, 'usd')).toBe('1234567.89');
  });

  it('round-trips through parseMajorAmount for every kind of currency', () => {
    const cases: [number, string][] = [
      [1999, 'usd'], [1, 'usd'], [99_999_999, 'usd'], [5000, 'jpy'], [1230, 'kwd'], [10, 'bhd'],
      [500, 'isk'], [500000, 'ugx'], [1045, 'huf'], [999_999_999_999, 'idr'],
    ];
    for (const [minor, currency] of cases) expect(minorOf(toMajorString(minor, currency), currency)).toBe(minor);
    for (const text of ['19.99', '0.01', '5000', '1.230']) {
      const currency = text === '5000' ? 'jpy' : text === '1.230' ? 'kwd' : 'usd';
      expect(toMajorString(minorOf(text, currency), currency)).toBe(text);
    }
  });
});

describe('form schemas', () => {
  it('gives a form field minor units or the same message parseMajorAmount gives', () => {
    const amount = majorAmountSchema('usd');
    expect(amount.parse(' 19.99 ')).toBe(1999);
    const failed = amount.safeParse('1e3');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe('Write the amount out in full, like 1000 (not 1e3).');
    expect(majorAmountSchema('usd', { allowZero: true }).parse('0')).toBe(0);
  });

  it('parses an amount against the currency chosen in the same form', () => {
    const form = z.object({ currency: currencySchema, amount: z.string() }).transform(({ currency, amount }, ctx) => {
      const parsed = parseMajorAmount(amount, currency);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.message });
        return z.NEVER;
      }
      return { currency, amount: parsed.minor };
    });
    expect(form.parse({ currency: ' JPY ', amount: '5000' })).toEqual({ currency: 'jpy', amount: 5000 });
    const failed = form.safeParse({ currency: 'jpy', amount: '50.5' });
    expect(failed.error?.issues[0]).toMatchObject({ path: ['amount'], message: 'JPY has no decimal places.' });
    expect(currencySchema.safeParse('xyz').error?.issues[0]?.message).toBe('Choose a currency Paydesk accepts.');
  });
});
