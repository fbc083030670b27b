// A quote's line items (`price` or `price_data`, one-time or recurring) and the totals Stripe computes
// from them: `computed.upfront` (everything billed on acceptance) and `computed.recurring` (per interval).
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { createInlinePrice } from '../core/inline-prices';
import { readInteger, readObject, readString } from '../core/read-params';
import { invalidRequest } from '../http/stripe-error';
import type { RequestContext } from '../http/route';
import type { ParamValue } from '../params/validate-params';
import { newId } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import type { Wire } from '../store/wire';

export type QuoteLine = Wire<Stripe.LineItem>;
type Price = ObjectTypes['price'];

/** No discounts, shipping or taxes in the sandbox. */
const NO_EXTRAS = { amount_discount: 0, amount_shipping: 0, amount_tax: 0 };

function readLine(context: RequestContext, item: ParamValue, index: number): QuoteLine {
  const param = `line_items[${index}]`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidRequest('Invalid object', { param });
  const priceId = readString(item, 'price');
  const priceData = readObject(item, 'price_data');
  if (!priceId && !priceData) throw invalidRequest('You must specify either `price` or `price_data`.', { param });
  if (priceId && priceData) throw invalidRequest('You may only specify one of these parameters: price, price_data.', { param });
  const price: Price = priceId
    ? findOr404(context.account, 'price', priceId, `${param}[price]`)
    : createInlinePrice(context.account, priceData!, `${param}[price_data]`);
  const quantity = readInteger(item, 'quantity') ?? 1;
  if (quantity < 0) throw invalidRequest('This value must be greater than or equal to 0.', { param: `${param}[quantity]` });
  const product = typeof price.product === 'string' ? context.account.get('product', price.product) : undefined;
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId('li'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: product?.name ?? null,
    discounts: [],
    metadata: null,
    price,
    quantity,
    taxes: [],
  };
}

/** Reads `line_items`, checking what Stripe checks: one currency, one billing interval for recurring prices. */
export function readQuoteLines(context: RequestContext, raw: ParamValue[]): QuoteLine[] {
  const lines = raw.map((item, index) => readLine(context, item, index));
  const currencies = new Set(lines.map((line) => line.currency));
  if (currencies.size > 1) {
    throw invalidRequest('All prices on a quote must have the same currency.', { param: 'line_items' });
  }
  const intervals = new Set(lines.flatMap((line) => (line.price?.recurring ? [`${line.price.recurring.interval_count} ${line.price.recurring.interval}`] : [])));
  if (intervals.size > 1) {
    throw invalidRequest('All recurring prices on a quote must have the same billing interval.', { param: 'line_items' });
  }
  return lines;
}

export const isRecurring = (line: QuoteLine): boolean => Boolean(line.price?.recurring);

const sum = (lines: QuoteLine[]): number => lines.reduce((total, line) => total + line.amount_total, 0);

export function computeTotals(lines: QuoteLine[]): Pick<ObjectTypes['quote'], 'amount_subtotal' | 'amount_total' | 'computed' | 'total_details'> {
  const upfront = sum(lines);
  const recurringLines = lines.filter(isRecurring);
  const firstRecurring = recurringLines[0]?.price?.recurring;
  return {
    amount_subtotal: upfront,
    amount_total: upfront,
    total_details: NO_EXTRAS,
    computed: {
      upfront: { amount_subtotal: upfront, amount_total: upfront, total_details: NO_EXTRAS },
      recurring: firstRecurring
        ? {
            amount_subtotal: sum(recurringLines),
            amount_total: sum(recurringLines),
            interval: firstRecurring.interval,
            interval_count: firstRecurring.interval_count,
            total_details: NO_EXTRAS,
          }
        : null,
    },
  };
}
