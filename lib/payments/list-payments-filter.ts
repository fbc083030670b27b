// The Payments list's filter: read from the URL's search string (page, CSV export and saved views alike) with zod,
// amounts in major units turned into exact minor units, dates into Unix-second bounds (UTC days).
import { z } from 'zod';
import { currencySchema, parseMajorAmount } from '@/lib/money';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

export const PAYMENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The words the list uses for Stripe's statuses (chips, filter options). */
export const STATUS_LABELS: Record<PaymentStatus, string> = {
  requires_payment_method: 'Incomplete',
  requires_confirmation: 'Awaiting confirmation',
  requires_action: 'Awaiting 3-D Secure',
  processing: 'Processing',
  requires_capture: 'Uncaptured',
  canceled: 'Canceled',
  succeeded: 'Succeeded',
};

export interface PaymentListFilter {
  status?: PaymentStatus;
  /** a cus_ id, an exact email, or part of a name */
  customer?: string;
  currency?: string;
  /** Unix seconds, inclusive */
  createdFrom?: number;
  /** Unix seconds, exclusive */
  createdBefore?: number;
  /** minor units of `currency`, inclusive */
  amountMin?: number;
  amountMax?: number;
  /** words as typed; a payment matches when its search text contains every one, in any case */
  searchTerms?: string[];
}

/** The filter as the form shows it (what the user typed), keyed by URL parameter. */
export type PaymentListParams = Partial<Record<(typeof PARAM_NAMES)[number], string>>;

export const PARAM_NAMES = ['status', 'customer', 'currency', 'from', 'to', 'min', 'max', 'q'] as const;

export interface ParsedPaymentListSearch {
  filter: PaymentListFilter;
  params: PaymentListParams;
  /** by URL parameter; a field with an error is left out of `filter` */
  fieldErrors: Record<string, string>;
}

const SECONDS_PER_DAY = 86_400;
// `created` is a 32-bit column of Unix seconds, which ends in January 2038; a later bound would overflow it.
export const LAST_FILTER_DAY = '2038-01-17';
const day = z.iso
  .date('Enter a date as YYYY-MM-DD.')
  .refine((value) => value >= '1970-01-01' && value <= LAST_FILTER_DAY, `Enter a date between 1970-01-01 and ${LAST_FILTER_DAY}.`);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE);

const fieldSchemas = {
  status: z.enum(PAYMENT_STATUSES, 'Choose one of the listed statuses.'),
  customer: text(512),
  currency: currencySchema,
  from: day,
  to: day,
  min: text(32),
  max: text(32),
  q: text(200),
};

const startOfDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

function firstValue(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' && single.trim() !== '' ? single.trim() : undefined;
}

/** Reads the filter from search params (Next's `searchParams` object or URLSearchParams). Never throws. */
export function parsePaymentListSearch(input: URLSearchParams | Record<string, string | string[] | undefined>): ParsedPaymentListSearch {
  const raw = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  const params: PaymentListParams = {};
  const fieldErrors: Record<string, string> = {};
  const valid: Partial<Record<(typeof PARAM_NAMES)[number], string>> = {};
  for (const name of PARAM_NAMES) {
    const value = firstValue(raw[name]);
    if (value === undefined) continue;
    params[name] = value;
    const parsed = fieldSchemas[name].safeParse(value);
    if (parsed.success) valid[name] = parsed.data;
    else fieldErrors[name] = parsed.error.issues[0]?.message ?? 'Check this value.';
  }

  const filter: PaymentListFilter = {};
  if (valid.status) filter.status = valid.status as PaymentStatus;
  if (valid.customer) filter.customer = valid.customer;
  if (valid.currency) filter.currency = valid.currency;
  if (valid.from) filter.createdFrom = startOfDay(valid.from);
  if (valid.to) filter.createdBefore = startOfDay(valid.to) + SECONDS_PER_DAY;
  if (filter.createdFrom !== undefined && filter.createdBefore !== undefined && filter.createdFrom >= filter.createdBefore) {
    fieldErrors.to = 'The end date is before the start date.';
    delete filter.createdBefore;
  }
  if (valid.q) {
    const terms = [...new Set(valid.q.split(/\s+/).filter(Boolean))].slice(0, 8);
    if (terms.length > 0) filter.searchTerms = terms;
  }

  // An amount means nothing without its currency: 10 is 1000 cents but 10 yen.
  for (const [name, key] of [['min', 'amountMin'], ['max', 'amountMax']] as const) {
    const typed = valid[name];
    if (typed === undefined) continue;
    if (!filter.currency) {
      fieldErrors[name] = 'Choose a currency to filter by amount.';
      continue;
    }
    const amount = parseMajorAmount(typed, filter.currency, { allowZero: true });
    if (amount.ok) filter[key] = amount.minor;
    else fieldErrors[name] = amount.message;
  }
  if (filter.amountMin !== undefined && filter.amountMax !== undefined && filter.amountMin > filter.amountMax) {
    fieldErrors.max = 'The largest amount is below the smallest.';
    delete filter.amountMax;
  }
  return { filter, params, fieldErrors };
}

/** The search string for these params, in PARAM_NAMES order, empty ones left out: the form a saved view keeps. */
export function toPaymentListQuery(params: PaymentListParams): string {
  const query = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const value = params[name]?.trim();
    if (value) query.set(name, value);
  }
  return query.toString();
}
