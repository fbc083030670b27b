// Money: integer minor units, Stripe's currency exponents and limits, parsing what people type, formatting for the screen.
//
// Source for every currency rule below: Stripe, "Supported currencies", https://docs.stripe.com/currencies
// (sections "Zero-decimal currencies", "Special cases", "Minimum and maximum charge amounts").
// No 'server-only' here on purpose: forms parse and format with the same rules the server enforces.
import { z } from 'zod';

/**
 * Stripe's presentment currencies (card payments), lowercase as the API wants them. Stripe's list plus the
 * three-decimal currencies, which Stripe documents but enables per account; an account that lacks one gets
 * Stripe's own error at create time.
 */
export const SUPPORTED_CURRENCIES = [
  'usd', 'aed', 'afn', 'all', 'amd', 'ang', 'aoa', 'ars', 'aud', 'awg', 'azn', 'bam', 'bbd', 'bdt', 'bgn', 'bhd',
  'bif', 'bmd', 'bnd', 'bob', 'brl', 'bsd', 'bwp', 'byn', 'bzd', 'cad', 'cdf', 'chf', 'clp', 'cny', 'cop', 'crc',
  'cve', 'czk', 'djf', 'dkk', 'dop', 'dzd', 'egp', 'etb', 'eur', 'fjd', 'fkp', 'gbp', 'gel', 'gip', 'gmd', 'gnf',
  'gtq', 'gyd', 'hkd', 'hnl', 'htg', 'huf', 'idr', 'ils', 'inr', 'isk', 'jmd', 'jod', 'jpy', 'kes', 'kgs', 'khr',
  'kmf', 'krw', 'kwd', 'kyd', 'kzt', 'lak', 'lbp', 'lkr', 'lrd', 'lsl', 'mad', 'mdl', 'mga', 'mkd', 'mmk', 'mnt',
  'mop', 'mur', 'mvr', 'mwk', 'mxn', 'myr', 'mzn', 'nad', 'ngn', 'nio', 'nok', 'npr', 'nzd', 'omr', 'pab', 'pen',
  'pgk', 'php', 'pkr', 'pln', 'pyg', 'qar', 'ron', 'rsd', 'rub', 'rwf', 'sar', 'sbd', 'scr', 'sek', 'sgd', 'shp',
  'sle', 'sos', 'srd', 'std', 'szl', 'thb', 'tjs', 'tnd', 'top', 'try', 'ttd', 'twd', 'tzs', 'uah', 'ugx', 'uyu',
  'uzs', 'vnd', 'vuv', 'wst', 'xaf', 'xcd', 'xof', 'xpf', 'yer', 'zar', 'zmw',
] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

const SUPPORTED = new Set<string>(SUPPORTED_CURRENCIES);

/** Accepts any case ("USD", "usd"); Stripe itself wants lowercase. */
export function isSupportedCurrency(currency: string): boolean {
  return SUPPORTED.has(currency.toLowerCase());
}

// Stripe's zero-decimal list, minus ugx: its "Special cases" row says UGX is sent as a two-decimal value whose
// decimals are always 00 (5 UGX → 500), and for charges the special case is the one that applies.
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
// Three-decimal: amounts in thousandths whose last digit must be 0 for Stripe's payment partners (5.124 KWD refused,
// 5.120 → 5120). The stored copies of the page read for this module lacked that section; the rule is as Stripe states it.
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
// "Transitioned to zero-decimal" but still two-decimal in the API with decimals always 00: amounts must divide by 100.
// HUF and TWD are zero-decimal only for payouts ("you can charge two-decimal amounts"), so charges treat them as ordinary.
const WHOLE_UNITS_IN_TWO_DECIMALS = new Set(['isk', 'ugx']);

/** Decimal places of the currency's minor unit in Stripe's API: 1999 USD minor units are 19.99. */
export function currencyExponent(currency: string): 0 | 2 | 3 {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2; // "Currencies are two-decimal currencies unless otherwise specified."
}

/** The amount Stripe accepts must be a multiple of this many minor units. */
function minorStep(code: string): number {
  if (THREE_DECIMAL.has(code)) return 10;
  if (WHOLE_UNITS_IN_TWO_DECIMALS.has(code)) return 100;
  return 1;
}

/** Decimals shown to people: ISK and UGX have no fractions to show; everything else shows its full exponent. */
function displayDigits(code: string): number {
  return WHOLE_UNITS_IN_TWO_DECIMALS.has(code) ? 0 : currencyExponent(code);
}

// Stripe's digit limits for the amount field. We use the ones every payment method accepts (cards allow up to 12
// digits, but other methods stop here), so a payment created here can be paid with whatever the customer picks.
const MAX_MINOR: Readonly<Record<string, number>> = { idr: 999_999_999_999, cop: 9_999_999_999, inr: 999_999_999 };
const DEFAULT_MAX_MINOR = 99_999_999; // eight digits: 999,999.99 in a two-decimal currency

/** The largest `amount` (minor units) Stripe accepts in this currency. */
export function maximumChargeAmount(currency: string): number {
  return MAX_MINOR[currency.toLowerCase()] ?? DEFAULT_MAX_MINOR;
}

// Stripe's table "Minimum charge amount by currency", in minor units. The minimum belongs to the settlement
// currency of the account's bank account; a charge in another currency must reach it after conversion.
const MIN_MINOR: Readonly<Record<string, number>> = {
  usd: 50, aed: 200, ars: 50, aud: 50, brl: 50, cad: 50, chf: 50, cop: 50, czk: 1500, dkk: 250, eur: 50,
  gbp: 30, hkd: 400, huf: 17500, idr: 50, ils: 50, inr: 50, jpy: 50, krw: 50, mxn: 1000, myr: 200, nok: 300,
  nzd: 50, php: 50, pln: 200, ron: 200, rub: 50, sek: 300, sgd: 50, thb: 1000, zar: 50,
};

/**
 * Stripe's documented minimum charge (minor units) for a charge settled in the same currency, or null where Stripe
 * publishes no figure (the minimum is then the settlement currency's after conversion, which only Stripe knows).
 */
export function minimumChargeAmount(currency: string): number | null {
  return MIN_MINOR[currency.toLowerCase()] ?? null;
}

export type MoneyErrorCode =
  | 'unsupported_currency'
  | 'empty'
  | 'not_a_number'
  | 'scientific_notation'
  | 'bad_separators'
  | 'negative'
  | 'zero'
  | 'too_many_decimals'
  | 'not_a_valid_step'
  | 'above_maximum';

export type ParseResult = { ok: true; minor: number } | { ok: false; code: MoneyErrorCode; message: string };

export type ParseOptions = {
  /** Zero is refused unless the caller allows it (e.g. a filter's lower bound, never a charge). */
  allowZero?: boolean;
};

// Digits with an optional fraction; the whole part is plain ("1234") or grouped by commas in threes ("1,234").
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?$/;

/**
 * Converts what someone typed ("1,234.56") into integer minor units for `currency`, exactly: the string is split into
 * digits and never becomes a float, so "4.35" is 435 (4.35 * 100 in floating point is 434.99999999999994).
 */
export function parseMajorAmount(input: string, currency: string, options: ParseOptions = {}): ParseResult {
  const code = currency.trim().toLowerCase();
  const upper = code.toUpperCase();
  const fail = (errorCode: MoneyErrorCode, message: string): ParseResult => ({ ok: false, code: errorCode, message });

  if (!isSupportedCurrency(code)) return fail('unsupported_currency', `Paydesk can't take payments in ${upper || 'that currency'}.`);
  const text = input.trim();
  if (text === '') return fail('empty', 'Enter an amount.');
  if (/^\d*\.?\d+e[+-]?\d+$/i.test(text)) return fail('scientific_notation', `Write the amount out in full, like 1000 (not ${text}).`);
  if (/^-\s*[\d.,]/.test(text) && AMOUNT.test(text.slice(1).trim())) return fail('negative', "The amount can't be negative.");

  const match = AMOUNT.exec(text);
  if (!match || !/\d/.test(text)) {
    // "1,23" is 1.23 in some locales and 123 in others; refusing it is the only safe reading.
    if (/^[\d.,]+$/.test(text) && /\d/.test(text) && text.includes(',') && (text.match(/\./g) ?? []).length <= 1) {
      return fail('bad_separators', 'Use commas only between groups of three digits, like 1,234.56.');
    }
    return fail('not_a_number', `Enter the amount as a number, like ${toMajorString(1250 * 10 ** currencyExponent(code), code)}.`);
  }

  const whole = (match[1] ?? '').replaceAll(',', '');
  const fraction = match[2] ?? '';
  const exponent = currencyExponent(code);
  if (fraction.length > exponent) {
    return fail('too_many_decimals', exponent === 0 ? `${upper} has no decimal places.` : `${upper} allows at most ${exponent} decimal places.`);
  }

  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const minorBig = BigInt(digits);
  const max = maximumChargeAmount(code);
  if (minorBig > BigInt(max)) return fail('above_maximum', `The most Stripe accepts in ${upper} is ${formatMinorAmount(max, code)}.`);
  const minor = Number(minorBig); // exact: at most 12 digits, far inside Number.MAX_SAFE_INTEGER

  if (minor === 0 && !options.allowZero) return fail('zero', 'Enter an amount above zero.');
  const step = minorStep(code);
  if (minor % step !== 0) {
    return fail(
      'not_a_valid_step',
      step === 10
        ? `${upper} amounts must end in 0 in the third decimal place, like ${toMajorString(minor - (minor % step), code)}.`
        : `${upper} can't be charged in fractions; enter a whole amount.`,
    );
  }
  return { ok: true, minor };
}

/** Splits integer minor units into sign, whole and fraction digits by string slicing: no division, no rounding. */
function splitMinor(minor: number, currency: string): { sign: '' | '-'; whole: string; fraction: string } {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be an integer number of minor units, got ${minor}.`);
  const code = currency.toLowerCase();
  const exponent = currencyExponent(code);
  const padded = Math.abs(minor).toString().padStart(exponent + 1, '0');
  let fraction = exponent === 0 ? '' : padded.slice(-exponent);
  // Drop the fraction people don't see (ISK, UGX) only when it is zero, so an old fractional amount still shows exactly.
  const shown = displayDigits(code);
  if (/^0*$/.test(fraction.slice(shown))) fraction = fraction.slice(0, shown);
  return { sign: minor < 0 ? '-' : '', whole: exponent === 0 ? padded : padded.slice(0, -exponent), fraction };
}

/**
 * Formats minor units for the screen: formatMinorAmount(1999, 'usd') → "$19.99", (5000, 'jpy') → "¥5,000".
 * Intl gets an exact decimal string ("19.99") built from the integer, not `minor / 100`: Intl.NumberFormat formats
 * numeric strings as exact decimals, so no float ever stands between the stored integer and the text shown.
 */
export function formatMinorAmount(minor: number, currency: string, locale = 'en-US'): string {
  const { sign, whole, fraction } = splitMinor(minor, currency);
  const decimal = `${sign}${whole}${fraction ? `.${fraction}` : ''}` as `${number}`;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: fraction.length,
    maximumFractionDigits: fraction.length,
  }).format(decimal);
}

/** Minor units back into a text box, in the form parseMajorAmount reads: "12.50" for 1250 USD, "5000" for 5000 JPY. */
export function toMajorString(minor: number, currency: string): string {
  const { sign, whole, fraction } = splitMinor(minor, currency);
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** A form's currency field: trimmed, lowercased for Stripe, one of ours. */
export const currencySchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isSupportedCurrency, 'Choose a currency Paydesk accepts.');

/**
 * A form's amount field for a known currency: the typed text in, minor units out, with parseMajorAmount's messages.
 * When the currency is another field of the same form, parse in the object instead:
 *   z.object({ currency: currencySchema, amount: z.string() }).transform(({ currency, amount }, ctx) => {
 *     const parsed = parseMajorAmount(amount, currency);
 *     if (!parsed.ok) { ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.message }); return z.NEVER; }
 *     return { currency, amount: parsed.minor };
 *   })
 */
export function majorAmountSchema(currency: string, options: ParseOptions = {}) {
  return z.string().transform((input, ctx) => {
    const parsed = parseMajorAmount(input, currency, options);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.minor;
  });
}
