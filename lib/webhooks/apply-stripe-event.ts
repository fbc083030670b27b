// The one projection entry point: routes a verified event to its family's handler (an exhaustive switch).
import 'server-only';
import type Stripe from 'stripe';
import { ACCOUNT_EVENT_TYPES, applyAccountEvent, isAccountTie, type AccountEvent } from './handlers/account-events';
import { applyApplicationFeeEvent, APPLICATION_FEE_EVENT_TYPES, type ApplicationFeeEvent } from './handlers/application-fee-events';
import { applyChargeEvent, CHARGE_EVENT_TYPES, type ChargeEvent } from './handlers/charge-events';
import { applyCreditNoteEvent, CREDIT_NOTE_EVENT_TYPES, type CreditNoteEvent } from './handlers/credit-note-events';
import { applyCustomerEvent, CUSTOMER_EVENT_TYPES, isCustomerTie, type CustomerEvent } from './handlers/customer-events';
import { applyDisputeEvent, DISPUTE_EVENT_TYPES, isDisputeTie, type DisputeEvent } from './handlers/dispute-events';
import { applyInvoiceEvent, INVOICE_EVENT_TYPES, readInvoiceOnTie, type InvoiceEvent } from './handlers/invoice-events';
import { applyPaymentIntentEvent, PAYMENT_INTENT_EVENT_TYPES, type PaymentIntentEvent } from './handlers/payment-intent-events';
import { applyPayoutEvent, PAYOUT_EVENT_TYPES, type PayoutEvent } from './handlers/payout-events';
import { applyQuoteEvent, QUOTE_EVENT_TYPES, type QuoteEvent } from './handlers/quote-events';
import { applyRefundEvent, REFUND_EVENT_TYPES, type RefundEvent } from './handlers/refund-events';
import { applySetupIntentEvent, isSetupIntentTie, SETUP_INTENT_EVENT_TYPES, type SetupIntentEvent } from './handlers/setup-intent-events';
import { applyTransferEvent, TRANSFER_EVENT_TYPES, type TransferEvent } from './handlers/transfer-events';
import type { ProjectionDb } from './projection-db';
import type { ProjectionResult } from './projection-result';

export type EventFamily =
  | { family: 'customer'; event: CustomerEvent }
  | { family: 'payment_intent'; event: PaymentIntentEvent }
  | { family: 'charge'; event: ChargeEvent }
  | { family: 'refund'; event: RefundEvent }
  | { family: 'dispute'; event: DisputeEvent }
  | { family: 'setup_intent'; event: SetupIntentEvent }
  | { family: 'quote'; event: QuoteEvent }
  | { family: 'invoice'; event: InvoiceEvent }
  | { family: 'credit_note'; event: CreditNoteEvent }
  | { family: 'account'; event: AccountEvent }
  | { family: 'transfer'; event: TransferEvent }
  | { family: 'application_fee'; event: ApplicationFeeEvent }
  | { family: 'payout'; event: PayoutEvent }
  | { family: 'ignored'; event: Stripe.Event };

function isOneOf<Types extends readonly string[]>(event: Stripe.Event, types: Types): event is Extract<Stripe.Event, { type: Types[number] }> {
  return types.includes(event.type);
}

// By exact type, not prefix: charge.dispute.* carries a Dispute and charge.refund.updated a Refund.
export function familyOf(event: Stripe.Event): EventFamily {
  if (isOneOf(event, CUSTOMER_EVENT_TYPES)) return { family: 'customer', event };
  if (isOneOf(event, PAYMENT_INTENT_EVENT_TYPES)) return { family: 'payment_intent', event };
  if (isOneOf(event, CHARGE_EVENT_TYPES)) return { family: 'charge', event };
  if (isOneOf(event, REFUND_EVENT_TYPES)) return { family: 'refund', event };
  if (isOneOf(event, DISPUTE_EVENT_TYPES)) return { family: 'dispute', event };
  if (isOneOf(event, SETUP_INTENT_EVENT_TYPES)) return { family: 'setup_intent', event };
  if (isOneOf(event, QUOTE_EVENT_TYPES)) return { family: 'quote', event };
  if (isOneOf(event, INVOICE_EVENT_TYPES)) return { family: 'invoice', event };
  if (isOneOf(event, CREDIT_NOTE_EVENT_TYPES)) return { family: 'credit_note', event };
  if (isOneOf(event, ACCOUNT_EVENT_TYPES)) return { family: 'account', event };
  if (isOneOf(event, TRANSFER_EVENT_TYPES)) return { family: 'transfer', event };
  if (isOneOf(event, APPLICATION_FEE_EVENT_TYPES)) return { family: 'application_fee', event };
  if (isOneOf(event, PAYOUT_EVENT_TYPES)) return { family: 'payout', event };
  return { family: 'ignored', event };
}

/** Stripe's current state of an event's object, read when the payload alone cannot be ordered. */
export type CurrentObject =
  | { family: 'customer'; object: Stripe.Customer | Stripe.DeletedCustomer }
  | { family: 'dispute'; object: Stripe.Dispute }
  | { family: 'setup_intent'; object: Stripe.SetupIntent }
  | { family: 'invoice'; object: Stripe.Invoice }
  | { family: 'account'; object: Stripe.Account };

/**
 * Call before the transaction (it may ask Stripe): for an event that ties with the stored state in the same
 * second and rank, the object as Stripe has it now. Families with a status rank order their ties without it.
 */
export async function readCurrentOnTie(event: Stripe.Event, dependencies: { db: ProjectionDb; stripe?: Stripe }): Promise<CurrentObject | undefined> {
  const { db, stripe } = dependencies;
  if (!stripe) return undefined;
  const routed = familyOf(event);
  switch (routed.family) {
    case 'customer':
      return (await isCustomerTie(routed.event, db)) ? { family: 'customer', object: await stripe.customers.retrieve(routed.event.data.object.id) } : undefined;
    case 'dispute':
      return (await isDisputeTie(routed.event, db)) ? { family: 'dispute', object: await stripe.disputes.retrieve(routed.event.data.object.id) } : undefined;
    case 'setup_intent':
      return (await isSetupIntentTie(routed.event, db)) ? { family: 'setup_intent', object: await stripe.setupIntents.retrieve(routed.event.data.object.id) } : undefined;
    case 'invoice': {
      const invoice = await readInvoiceOnTie(routed.event, db, stripe);
      return invoice ? { family: 'invoice', object: invoice } : undefined;
    }
    case 'account':
      return (await isAccountTie(routed.event, db)) ? { family: 'account', object: await stripe.accounts.retrieve(routed.event.data.object.id) } : undefined;
    case 'payment_intent':
    case 'charge':
    case 'refund':
    case 'quote':
    case 'credit_note':
    case 'transfer':
    case 'application_fee':
    case 'payout':
    case 'ignored':
      return undefined;
    default: {
      const unhandled: never = routed;
      throw new Error(`unhandled event family ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Applies one event to the projection; call it inside the transaction that stores the event. */
export async function applyStripeEvent(event: Stripe.Event, db: ProjectionDb, current?: CurrentObject): Promise<ProjectionResult> {
  const routed = familyOf(event);
  switch (routed.family) {
    case 'customer':
      return applyCustomerEvent(routed.event, db, current?.family === 'customer' ? current.object : undefined);
    case 'payment_intent':
      return applyPaymentIntentEvent(routed.event, db);
    case 'charge':
      return applyChargeEvent(routed.event, db);
    case 'refund':
      return applyRefundEvent(routed.event, db);
    case 'dispute':
      return applyDisputeEvent(routed.event, db, current?.family === 'dispute' ? current.object : undefined);
    case 'setup_intent':
      return applySetupIntentEvent(routed.event, db, current?.family === 'setup_intent' ? current.object : undefined);
    case 'quote':
      return applyQuoteEvent(routed.event, db);
    case 'invoice':
      return applyInvoiceEvent(routed.event, db, current?.family === 'invoice' ? current.object : undefined);
    case 'credit_note':
      return applyCreditNoteEvent(routed.event, db);
    case 'account':
      return applyAccountEvent(routed.event, db, current?.family === 'account' ? current.object : undefined);
    case 'transfer':
      return applyTransferEvent(routed.event, db);
    case 'application_fee':
      return applyApplicationFeeEvent(routed.event, db);
    case 'payout':
      return applyPayoutEvent(routed.event, db);
    case 'ignored':
      return { outcome: 'ignored', note: 'no projection for this event type yet' };
    default: {
      const unhandled: never = routed;
      throw new Error(`unhandled event family ${JSON.stringify(unhandled)}`);
    }
  }
}
