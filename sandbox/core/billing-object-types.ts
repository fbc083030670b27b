// The stored types billing adds to the store (invoices, quotes, subscriptions, credit notes), by module
// augmentation so the shared ObjectTypes list stays one line per resource of the payments work.
import type Stripe from 'stripe';
import type { Wire } from '../store/wire';

/** A quote's line items, kept beside it because Stripe lists them at their own endpoint. */
export interface QuoteLineItems {
  /** The quote's id. */
  id: string;
  object: 'quote_line_items';
  items: Wire<Stripe.LineItem>[];
}

declare module '../store/object-types' {
  interface ObjectTypes {
    /** Wire<>: line items carry `quantity_decimal`, a Decimal inside the SDK. Stored with all its lines. */
    invoice: Wire<Stripe.Invoice>;
    /** Wire<>: `quantity_decimal` and the pricing's `unit_amount_decimal`. */
    invoiceitem: Wire<Stripe.InvoiceItem>;
    quote: Wire<Stripe.Quote>;
    quote_line_items: QuoteLineItems;
    /** Wire<>: items embed their Price. */
    subscription: Wire<Stripe.Subscription>;
    /** Wire<>: line items carry `unit_amount_decimal`. Stored with all its lines. */
    credit_note: Wire<Stripe.CreditNote>;
    customer_balance_transaction: Stripe.CustomerBalanceTransaction;
    /** How an invoice was paid (the PaymentIntent), which credit notes refund through. */
    invoice_payment: Stripe.InvoicePayment;
  }
}
