// Which SDK type each stored collection holds, keyed by the object's `object` value.
// Adding a resource: add one line here so the store hands back the SDK's own type.
import type Stripe from 'stripe';
import type { Wire } from './wire';

export interface ObjectTypes {
  customer: Stripe.Customer;
  product: Stripe.Product;
  /** Wire<>: `unit_amount_decimal` is a string on the wire, a Decimal only inside the SDK. */
  price: Wire<Stripe.Price>;
  payment_link: Stripe.PaymentLink;
  event: Stripe.Event;
  /** What a deleted object's id still answers: `{id, object, deleted: true}`. */
  tombstone: Tombstone;
  /** A payment link's line items, kept beside it because Stripe lists them at their own endpoint. */
  payment_link_items: PaymentLinkItems;
}

export type ObjectType = keyof ObjectTypes;

export interface Tombstone {
  id: string;
  object: string;
  deleted: true;
}

export interface PaymentLinkItems {
  id: string;
  object: 'payment_link_items';
  items: { id: string; price: string; quantity: number }[];
}
