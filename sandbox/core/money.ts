// Currency rules for payments: zero-decimal currencies, Stripe's minimum charge amounts, amounts in
// error messages, and the sandbox's fee model. Amounts are integers of minor units throughout.
import { invalidRequest } from '../http/stripe-error';

/** Currencies whose minor unit is the major unit (Stripe's list). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/** Stripe's documented minimum charge per settlement currency, in minor units; others default to 50. */
const MINIMUM_AMOUNT: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30,
  hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200,
  sek: 300, sgd: 50, thb: 1000,
};

/** Stripe's upper limit for a card payment (eight digits of minor units). */
const MAXIMUM_AMOUNT = 99_999_999;

/** The currencies the sandbox accepts: Stripe's common card settlement and presentment currencies. */
const SUPPORTED = new Set([
  ...ZERO_DECIMAL, ...Object.keys(MINIMUM_AMOUNT),
  'ars', 'cny', 'cop', 'egp', 'idr', 'ils', 'isk', 'kes', 'kzt', 'mad', 'ngn', 'pen', 'php', 'pkr', 'qar', 'sar', 'try', 'twd', 'uah', 'zar',
]);

const SYMBOL: Record<string, string> = { usd: '$', cad: '$', aud: '$', nzd: '$', sgd: '$', hkd: '$', mxn: '$', eur: '€', gbp: '£', jpy: '¥', inr: '₹' };

export const isZeroDecimal = (currency: string): boolean => ZERO_DECIMAL.has(currency);

/** `$0.50`, `¥50`, `€1,000.00`: how Stripe writes amounts inside error messages. Integer math only. */
export function formatAmount(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  const symbol = SYMBOL[currency] ?? '';
  const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (isZeroDecimal(currency)) return `${sign}${symbol}${group(String(absolute))}`;
  const major = Math.floor(absolute / 100);
  const minor = String(absolute % 100).padStart(2, '0');
  return `${sign}${symbol}${group(String(major))}.${minor}`;
}

/** Lower-cased, checked currency for a PaymentIntent (`param` names the parameter in errors). */
export function readCurrency(raw: string, param = 'currency'): string {
  const currency = raw.toLowerCase();
  if (!SUPPORTED.has(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED].sort().join(', ')}`, { param });
  }
  return currency;
}

/** Stripe's amount checks for a payment: at least the currency's minimum, at most eight digits. */
export function checkPaymentAmount(amount: number, currency: string, param = 'amount'): void {
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param });
  const minimum = MINIMUM_AMOUNT[currency] ?? 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, { code: 'amount_too_small', param });
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)}`, { code: 'amount_too_large', param });
  }
}

/**
 * The sandbox's processing fee, a deterministic model of Stripe's US standard card price: 2.9% + 30
 * minor units, the percentage rounded half up to a whole minor unit with integer math,
 * (amount × 29 + 500) ÷ 1000. The same formula applies in every currency.
 */
export function processingFee(amount: number): number {
  return Math.floor((amount * 29 + 500) / 1000) + 30;
}
