// Card field rules as Stripe's Elements apply them: brand detection, formatting, Luhn, expiry, CVC, postal code.

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

export interface FieldError {
  code: string;
  message: string;
}

const BRAND_PREFIXES: [CardBrand, RegExp][] = [
  ['amex', /^3[47]/],
  ['diners', /^3(0[0-5]|[689])/],
  ['jcb', /^35(2[89]|[3-8])/],
  ['visa', /^4/],
  ['mastercard', /^(5[1-5]|2(2[2-9][1-9]|2[3-9]|[3-6]|7[01]|720))/],
  ['discover', /^(6011|65|64[4-9])/],
  ['unionpay', /^62/],
];

export function detectBrand(digits: string): CardBrand {
  return BRAND_PREFIXES.find(([, prefix]) => prefix.test(digits))?.[0] ?? 'unknown';
}

/** Lengths a complete number of the brand may have. */
export function numberLengths(brand: CardBrand): number[] {
  if (brand === 'amex') return [15];
  if (brand === 'diners') return [14, 16];
  if (brand === 'unionpay') return [16, 17, 18, 19];
  return [16];
}

export const cvcLength = (brand: CardBrand): number => (brand === 'amex' ? 4 : 3);

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export const onlyDigits = (value: string): string => value.replace(/\D/g, '');

/** `4242 4242 4242 4242`, Amex as `3782 822463 10005`. */
export function formatNumber(digits: string): string {
  const brand = detectBrand(digits);
  const groups = brand === 'amex' ? [4, 6, 5] : brand === 'diners' && digits.length <= 14 ? [4, 6, 4] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** `MM / YY` from whatever was typed; a lone first digit above 1 becomes `0d`. */
export function formatExpiry(value: string): string {
  let digits = onlyDigits(value);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

const ERRORS = {
  incomplete_number: 'Your card number is incomplete.',
  invalid_number: 'Your card number is invalid.',
  incomplete_expiry: "Your card's expiration date is incomplete.",
  invalid_expiry_month: "Your card's expiration date is invalid.",
  invalid_expiry_month_past: "Your card's expiration date is in the past.",
  invalid_expiry_year_past: "Your card's expiration year is in the past.",
  invalid_expiry_year: "Your card's expiration year is invalid.",
  incomplete_cvc: "Your card's security code is incomplete.",
  incomplete_zip: 'Your postal code is incomplete.',
} as const;

const fieldError = (code: keyof typeof ERRORS): FieldError => ({ code, message: ERRORS[code] });

/**
 * `final` is true on blur and on submit: only then is an unfinished value an error, as in Stripe's
 * fields, which never flag a number the customer is still typing.
 */
export function checkNumber(digits: string, final: boolean): FieldError | null {
  const lengths = numberLengths(detectBrand(digits));
  const max = Math.max(...lengths);
  if (digits.length > max || (lengths.includes(digits.length) && !passesLuhn(digits))) {
    if (digits.length >= max || final) return fieldError('invalid_number');
  }
  if (!lengths.includes(digits.length)) return final ? fieldError(digits.length > max ? 'invalid_number' : 'incomplete_number') : null;
  return null;
}

export interface Expiry {
  month: number;
  /** Four digits. */
  year: number;
}

export function parseExpiry(value: string): Expiry | null {
  const digits = onlyDigits(formatExpiry(value));
  if (digits.length !== 4) return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

export function checkExpiry(value: string, final: boolean, now = new Date()): FieldError | null {
  const digits = onlyDigits(formatExpiry(value));
  if (digits.length >= 2) {
    const month = Number(digits.slice(0, 2));
    if (month < 1 || month > 12) return fieldError('invalid_expiry_month');
  }
  const expiry = parseExpiry(value);
  if (!expiry) return final ? fieldError('incomplete_expiry') : null;
  const thisYear = now.getFullYear();
  if (expiry.year < thisYear) return fieldError('invalid_expiry_year_past');
  if (expiry.year === thisYear && expiry.month < now.getMonth() + 1) return fieldError('invalid_expiry_month_past');
  if (expiry.year > thisYear + 50) return fieldError('invalid_expiry_year');
  return null;
}

export function checkCvc(value: string, brand: CardBrand, final: boolean): FieldError | null {
  const digits = onlyDigits(value);
  // Before the brand is known, 3 or 4 digits may both be right.
  const complete = brand === 'unknown' ? digits.length === 3 || digits.length === 4 : digits.length === cvcLength(brand);
  return complete || !final ? null : fieldError('incomplete_cvc');
}

/** Any postal code format is accepted; a numeric one (US ZIP) needs five digits. */
export function checkPostalCode(value: string, final: boolean): FieldError | null {
  const trimmed = value.trim();
  const incomplete = trimmed === '' || (/^\d+$/.test(trimmed) && trimmed.length < 5);
  return incomplete && final ? fieldError('incomplete_zip') : null;
}
