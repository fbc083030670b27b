// `price_data` on quotes and invoice items: Stripe creates an inactive Price for it (no `price.created`)
// and the line refers to that price like any other.
import type Stripe from 'stripe';
import { parameterMissing } from '../http/stripe-error';
import type { ParamObject } from '../params/validate-params';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import type { ObjectTypes } from '../store/object-types';
import { findOr404 } from './crud';
import { readCurrency } from './money';
import { readInteger, readObject, readString } from './read-params';

type Price = ObjectTypes['price'];

/** `param` is where the price_data sits, e.g. `line_items[0][price_data]`, for error messages. */
export function createInlinePrice(account: Account, data: ParamObject, param: string): Price {
  const product = readString(data, 'product');
  if (!product) throw parameterMissing(`${param}[product]`);
  findOr404(account, 'product', product, `${param}[product]`);
  const rawCurrency = readString(data, 'currency');
  if (!rawCurrency) throw parameterMissing(`${param}[currency]`);
  const decimal = readString(data, 'unit_amount_decimal');
  const unitAmount = readInteger(data, 'unit_amount') ?? (decimal !== undefined ? Math.round(Number(decimal)) : undefined);
  if (unitAmount === undefined) throw parameterMissing(`${param}[unit_amount]`);
  const recurring = readObject(data, 'recurring');
  return account.put('price', {
    id: newId('price'),
    object: 'price',
    active: false,
    billing_scheme: 'per_unit',
    created: nowSeconds(),
    currency: readCurrency(rawCurrency, `${param}[currency]`),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product,
    recurring: recurring
      ? {
          interval: (readString(recurring, 'interval') ?? 'month') as Stripe.Price.Recurring.Interval,
          interval_count: readInteger(recurring, 'interval_count') ?? 1,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: (readString(data, 'tax_behavior') ?? 'unspecified') as Stripe.Price.TaxBehavior,
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: decimal ?? String(unitAmount),
  });
}
