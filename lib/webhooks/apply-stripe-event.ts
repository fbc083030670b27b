// The one projection entry point: routes verified events to their family's handler (an exhaustive switch) and
// writes the rows of a batch of events with one statement per table.
import 'server-only';
import Stripe from 'stripe';
import { ACCOUNT_EVENT_TYPES, applyAccountEvent, type AccountEvent } from './handlers/account-events';
import { APPLICATION_FEE_EVENT_TYPES, planApplicationFeeEvent, type ApplicationFeeEvent } from './handlers/application-fee-events';
import { CHARGE_EVENT_TYPES, copyChargeTotalsToPaymentIntents, planChargeEvent, type ChargeEvent } from './handlers/charge-events';
import { CREDIT_NOTE_EVENT_TYPES, planCreditNoteEvent, type CreditNoteEvent } from './handlers/credit-note-events';
import { CUSTOMER_EVENT_TYPES, planCustomerEvent, type CustomerEvent } from './handlers/customer-events';
import { DISPUTE_EVENT_TYPES, planDisputeEvent, type DisputeEvent } from './handlers/dispute-events';
import { INVOICE_EVENT_TYPES, planInvoiceEvent, type InvoiceEvent } from './handlers/invoice-events';
import { PAYMENT_INTENT_EVENT_TYPES, planPaymentIntentEvent, type PaymentIntentEvent } from './handlers/payment-intent-events';
import { PAYOUT_EVENT_TYPES, planPayoutEvent, type PayoutEvent } from './handlers/payout-events';
import { planQuoteEvent, QUOTE_EVENT_TYPES, type QuoteEvent } from './handlers/quote-events';
import { planRefundEvent, REFUND_EVENT_TYPES, type RefundEvent } from './handlers/refund-events';
import { planSetupIntentEvent, SETUP_INTENT_EVENT_TYPES, type SetupIntentEvent } from './handlers/setup-intent-events';
import { planTransferEvent, TRANSFER_EVENT_TYPES, type TransferEvent } from './handlers/transfer-events';
import type { SqlRunner } from '@/lib/db/sql-runner';
import type { ProjectionPlan, ProjectionResult } from './projection-result';
import { findSameSecondTies, type TieCheck } from './same-second-ties';
import { upsertProjectionRows, type ProjectionRow } from './upsert-projection-row';

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

/** Where a family that re-reads on a tie keeps its object, and which stored rank must match for a tie. */
function tieCheckOf(routed: EventFamily): TieCheck | undefined {
  switch (routed.family) {
    case 'customer':
      return { table: 'StripeCustomer', objectId: routed.event.data.object.id, sameRank: { column: 'isDeleted', value: routed.event.type === 'customer.deleted' } };
    case 'dispute':
      return { table: 'StripeDispute', objectId: routed.event.data.object.id };
    case 'setup_intent':
      return { table: 'StripeSetupIntent', objectId: routed.event.data.object.id };
    case 'invoice':
      // An invoice changes several times a second; a deleted one has nothing left to re-read, and deleted is final.
      return routed.event.type === 'invoice.deleted' ? undefined : { table: 'StripeInvoice', objectId: routed.event.data.object.id };
    case 'account':
      return { table: 'ConnectedAccount', objectId: routed.event.data.object.id };
    default:
      // Families with a status rank order their ties without a re-read.
      return undefined;
  }
}

async function readCurrentObject(routed: EventFamily, stripe: Stripe): Promise<CurrentObject | undefined> {
  switch (routed.family) {
    case 'customer':
      return { family: 'customer', object: await stripe.customers.retrieve(routed.event.data.object.id) };
    case 'dispute':
      return { family: 'dispute', object: await stripe.disputes.retrieve(routed.event.data.object.id) };
    case 'setup_intent':
      return { family: 'setup_intent', object: await stripe.setupIntents.retrieve(routed.event.data.object.id) };
    case 'invoice':
      try {
        return { family: 'invoice', object: await stripe.invoices.retrieve(routed.event.data.object.id) };
      } catch (error) {
        // A draft deleted meanwhile: failing here would only make Stripe retry an event that can never be re-read.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return undefined;
        throw error;
      }
    case 'account':
      return { family: 'account', object: await stripe.accounts.retrieve(routed.event.data.object.id) };
    default:
      return undefined;
  }
}

/**
 * Call before the transaction (it may ask Stripe): for each event that ties with the stored state (or with another
 * event of the batch) in the same second and rank, the object as Stripe has it now. One read per table for the batch.
 */
export async function readCurrentOnTies(events: readonly Stripe.Event[], dependencies: { sql: SqlRunner; stripe?: Stripe }): Promise<(CurrentObject | undefined)[]> {
  const { sql, stripe } = dependencies;
  if (!stripe) return events.map(() => undefined);
  const routed = events.map(familyOf);
  const ties = await findSameSecondTies(events, routed.map(tieCheckOf), sql);
  return Promise.all(routed.map((family, index) => (ties[index] ? readCurrentObject(family, stripe) : undefined)));
}

/** What an event of a type the projection does not hold comes to. */
export const IGNORED: ProjectionResult = { outcome: 'ignored', note: 'no projection for this event type yet' };

/** The row an event writes, for the families whose whole effect is one projection row; undefined for the others. */
function planOf(routed: EventFamily, current: CurrentObject | undefined): ProjectionPlan | undefined {
  switch (routed.family) {
    case 'customer':
      return planCustomerEvent(routed.event, current?.family === 'customer' ? current.object : undefined);
    case 'payment_intent':
      return planPaymentIntentEvent(routed.event);
    case 'charge':
      return planChargeEvent(routed.event);
    case 'refund':
      return planRefundEvent(routed.event);
    case 'dispute':
      return planDisputeEvent(routed.event, current?.family === 'dispute' ? current.object : undefined);
    case 'setup_intent':
      return planSetupIntentEvent(routed.event, current?.family === 'setup_intent' ? current.object : undefined);
    case 'quote':
      return planQuoteEvent(routed.event);
    case 'invoice':
      return planInvoiceEvent(routed.event, current?.family === 'invoice' ? current.object : undefined);
    case 'credit_note':
      return planCreditNoteEvent(routed.event);
    case 'transfer':
      return planTransferEvent(routed.event);
    case 'application_fee':
      return planApplicationFeeEvent(routed.event);
    case 'payout':
      return planPayoutEvent(routed.event);
    case 'ignored':
      return { result: IGNORED };
    case 'account':
      return undefined;
    default: {
      const unhandled: never = routed;
      throw new Error(`unhandled event family ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Intents whose charge totals a batch of written rows may have changed: the intents written, and those of the charges written. */
function paymentIntentsTouched(rows: Iterable<ProjectionRow>): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    if (row.table === 'StripePaymentIntent') ids.push(row.id);
    if (row.table === 'StripeCharge' && typeof row.columns.paymentIntentId === 'string') ids.push(row.columns.paymentIntentId);
  }
  return ids;
}

/** Families that read or write more than their own row, one event at a time. */
async function applyAlone(routed: EventFamily, sql: SqlRunner, current: CurrentObject | undefined): Promise<ProjectionResult> {
  if (routed.family === 'account') return applyAccountEvent(routed.event, sql, current?.family === 'account' ? current.object : undefined);
  throw new Error(`${routed.family} events are written as planned rows`);
}

export interface EventToApply {
  event: Stripe.Event;
  /** Stripe's current object, read because the event tied (readCurrentOnTies) */
  current?: CurrentObject;
}

const STALE: ProjectionResult = { outcome: 'stale', note: 'an equal or newer state is already stored' };

/**
 * Applies events to the projection as if one after another in the given order; call it inside the transaction that
 * stores them. Planned rows are gathered and written with one statement per table; they are written before any
 * family applied alone, which may read them.
 */
export async function applyStripeEvents(items: readonly EventToApply[], sql: SqlRunner): Promise<ProjectionResult[]> {
  const results: ProjectionResult[] = [];
  let planned: { index: number; row: ProjectionRow; appliedNote?: string }[] = [];
  const writePlanned = async () => {
    if (planned.length === 0) return;
    const written = await upsertProjectionRows(sql, planned.map(({ row }) => row));
    await copyChargeTotalsToPaymentIntents(paymentIntentsTouched(written), sql);
    for (const { index, row, appliedNote } of planned) results[index] = written.has(row) ? { outcome: 'applied', note: appliedNote } : STALE;
    planned = [];
  };
  for (const [index, { event, current }] of items.entries()) {
    const routed = familyOf(event);
    const plan = planOf(routed, current);
    if (!plan) {
      await writePlanned();
      results[index] = await applyAlone(routed, sql, current);
    } else if ('result' in plan) {
      results[index] = plan.result;
    } else {
      planned.push({ index, row: plan.row, appliedNote: plan.appliedNote });
    }
  }
  await writePlanned();
  return results;
}

/** Applies one event to the projection; call it inside the transaction that stores the event. */
export async function applyStripeEvent(event: Stripe.Event, sql: SqlRunner, current?: CurrentObject): Promise<ProjectionResult> {
  const [result] = await applyStripeEvents([{ event, current }], sql);
  return result!;
}
