// invoice.* → the StripeInvoice projection: status and the amounts due, paid and remaining.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

// invoice.upcoming is left out: it previews an invoice that does not exist yet (no id).
export const INVOICE_EVENT_TYPES = [
  'invoice.created',
  'invoice.updated',
  'invoice.finalized',
  'invoice.finalization_failed',
  'invoice.sent',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.payment_failed',
  'invoice.payment_action_required',
  'invoice.payment_attempt_required',
  'invoice.marked_uncollectible',
  'invoice.overdue',
  'invoice.overpaid',
  'invoice.will_be_due',
  'invoice.voided',
  'invoice.deleted',
] as const;
export type InvoiceEvent = Extract<Stripe.Event, { type: (typeof INVOICE_EVENT_TYPES)[number] }>;

const DELETED = 'deleted';
// Credit notes move an invoice back (a void note reopens a paid-by-credit invoice), so the rank only orders a
// same-second pair when no re-read is possible; with a client, a same-second pair is settled by re-reading.
const STATUS_RANK: Record<string, number> = { draft: 0, open: 1, uncollectible: 2, paid: 3, void: 3, [DELETED]: 4 };
const statusOf = (event: InvoiceEvent, invoice: Stripe.Invoice) => (event.type === 'invoice.deleted' ? DELETED : (invoice.status ?? 'draft'));

/** The projection row for an invoice as Stripe describes it. */
export function invoiceRow(invoice: Stripe.Invoice, status: string = invoice.status ?? 'draft') {
  return {
    status,
    customerId: idOf(invoice.customer),
    number: invoice.number,
    currency: invoice.currency,
    total: invoice.total,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    quoteId: invoice.parent?.quote_details?.quote ?? null,
    subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    created: invoice.created,
    raw: JSON.stringify(invoice),
  };
}



const invoiceRowSchema = webhookRowSchema({
  status: z.string(),
  customerId: z.string().nullable(),
  number: z.string().nullable(),
  currency: z.string(),
  total: z.number().int(),
  amountDue: z.number().int(),
  amountPaid: z.number().int(),
  amountRemaining: z.number().int(),
  quoteId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
});

export function planInvoiceEvent(
  event: InvoiceEvent,
  /** Stripe's current invoice, read because this event tied with the stored one */
  current?: Stripe.Invoice,
): ProjectionPlan {
  const invoice = current ?? event.data.object;
  const status = current ? (current.status ?? 'draft') : statusOf(event, invoice);
  return {
    row: {
      table: 'StripeInvoice',
      id: invoice.id,
      schema: invoiceRowSchema,
      columns: { ...invoiceRow(invoice, status), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: current ? undefined : [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
    appliedNote: current ? 're-read from Stripe: another change in the same second' : undefined,
  };
}
