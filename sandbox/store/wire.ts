// The JSON ("wire") form of an SDK type: the SDK turns decimal strings into Decimal objects on read,
// but the sandbox stores and sends them as the strings Stripe sends.
import type Stripe from 'stripe';

type Decimal = NonNullable<Stripe.Price['unit_amount_decimal']>;

export type Wire<T> = T extends Decimal
  ? string
  : T extends string | number | boolean | bigint | null | undefined
    ? T
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
