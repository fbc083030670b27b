// Invoice line items: built from a price and quantity (quotes, subscriptions, invoice items), and the
// invoice totals they add up to. No taxes or discounts in the sandbox, so subtotal = total.
import type Stripe from 'stripe';
import { newId, nowSeconds } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import type { Wire } from '../store/wire';

export type InvoiceLine = Wire<Stripe.InvoiceLineItem>;
type Price = ObjectTypes['price'];

export interface LineSource {
  /** The price billed; null for an amount-only invoice item. */
  price: Price | null;
  /** Used when there is no price. */
  unitAmount?: number;
  currency?: string;
  quantity: number;
  /** The product's name, which Stripe shows as the line's description. */
  description: string | null;
  /** Where the line comes from: an invoice item, or a subscription's item. */
  parent: Stripe.InvoiceLineItem.Parent;
  period?: Stripe.InvoiceLineItem.Period;
  subscription?: string | null;
}

/** A period covering one interval of a recurring price from `start` (calendar months/years as Stripe bills). */
export function billingPeriod(price: Price, start: number): Stripe.InvoiceLineItem.Period {
  if (!price.recurring) return { start, end: start };
  const date = new Date(start * 1000);
  const count = price.recurring.interval_count;
  switch (price.recurring.interval) {
    case 'day':
      date.setUTCDate(date.getUTCDate() + count);
      break;
    case 'week':
      date.setUTCDate(date.getUTCDate() + 7 * count);
      break;
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() + count);
      break;
    default:
      date.setUTCMonth(date.getUTCMonth() + count);
  }
  return { start, end: Math.floor(date.getTime() / 1000) };
}

export function buildLine(invoiceId: string, source: LineSource): InvoiceLine {
  const { price } = source;
  const unitAmount = price ? (price.unit_amount ?? 0) : (source.unitAmount ?? 0);
  const amount = unitAmount * source.quantity;
  const now = nowSeconds();
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: price?.currency ?? source.currency ?? 'usd',
    description: source.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent: source.parent,
    period: source.period ?? { start: now, end: now },
    pretax_credit_amounts: [],
    pricing: price
      ? {
          type: 'price_details',
          price_details: { price: price.id, product: typeof price.product === 'string' ? price.product : price.product.id },
          unit_amount_decimal: price.unit_amount_decimal,
        }
      : { type: 'price_details', unit_amount_decimal: String(unitAmount) },
    quantity: source.quantity,
    quantity_decimal: String(source.quantity),
    subscription: source.subscription ?? null,
    subtotal: amount,
    taxes: [],
  };
}

/** The line's unit price in minor units (what a credit note's quantity credits). */
export const unitAmountOf = (line: InvoiceLine): number =>
  line.quantity ? Math.round(line.amount / line.quantity) : line.amount;

export const sumOfLines = (lines: { amount: number }[]): number => lines.reduce((sum, line) => sum + line.amount, 0);
