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
  payment_method: Stripe.PaymentMethod;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  refund: Stripe.Refund;
  balance_transaction: Stripe.BalanceTransaction;
  dispute: Stripe.Dispute;
  /** The sandbox-hosted 3-D Secure step of a PaymentIntent or SetupIntent (not a Stripe object; keyed by the intent's id). */
  three_d_secure_attempt: ThreeDSecureAttempt;
  setup_intent: Stripe.SetupIntent;
  setup_attempt: Stripe.SetupAttempt;
  file: Stripe.File;
  file_link: Stripe.FileLink;
  /** An uploaded file's bytes, kept beside the file (not a Stripe object; keyed by the file's id). */
  file_content: FileContent;
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

export interface FileContent {
  id: string;
  object: 'file_content';
  mimeType: string;
  base64: string;
}

export interface ThreeDSecureAttempt {
  /** The PaymentIntent's or SetupIntent's id: one attempt at a time per intent. */
  id: string;
  object: 'three_d_secure_attempt';
  payment_method: string;
  status: 'pending' | 'authenticated' | 'failed';
  return_url: string | null;
}
