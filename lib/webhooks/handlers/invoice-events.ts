// invoice.* → the StripeInvoice projection: status and the amounts due, paid and remaining.
import 'server-only';
import Stripe from 'stripe';
import { idOf, isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

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
const rankOf = (status: string): number[] => [STATUS_RANK[status] ?? 0];
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

/** Another event of the same second wrote the stored row (an invoice changes several times a second): re-read. */
export async function isInvoiceTie(event: InvoiceEvent, db: ProjectionDb): Promise<boolean> {
  if (event.type === 'invoice.deleted') return false; // nothing left to re-read, and deleted is final
  const stored = await db.stripeInvoice.findUnique({ where: { id: event.data.object.id }, select: { updatedFromEventCreated: true, updatedFromEventId: true } });
  return stored !== null && stored.updatedFromEventId !== null && stored.updatedFromEventId !== event.id && stored.updatedFromEventCreated === event.created;
}

/** On a tie, Stripe's invoice as it is now; undefined when it has been deleted since (the payload then decides). */
export async function readInvoiceOnTie(event: InvoiceEvent, db: ProjectionDb, stripe: Stripe): Promise<Stripe.Invoice | undefined> {
  if (!(await isInvoiceTie(event, db))) return undefined;
  try {
    return await stripe.invoices.retrieve(event.data.object.id);
  } catch (error) {
    // A draft deleted meanwhile: failing here would only make Stripe retry an event that can never be re-read.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return undefined;
    throw error;
  }
}

export async function applyInvoiceEvent(
  event: InvoiceEvent,
  db: ProjectionDb,
  /** Stripe's current invoice, read because this event tied with the stored one */
  current?: Stripe.Invoice,
): Promise<ProjectionResult> {
  const invoice = current ?? event.data.object;
  const status = current ? (current.status ?? 'draft') : statusOf(event, invoice);
  const stored = await db.stripeInvoice.findUnique({ where: { id: invoice.id }, select: { updatedFromEventCreated: true, status: true } });
  const isOlder = current
    ? stored !== null && event.created < stored.updatedFromEventCreated
    : stored !== null && isOlderState({ eventCreated: event.created, rank: rankOf(status) } satisfies StateStamp, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) });
  if (isOlder) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  const data = { ...invoiceRow(invoice, status), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.stripeInvoice.create({ data: { id: invoice.id, ...data } });
    return { outcome: 'applied' };
  }
  const note = current ? 're-read from Stripe: another change in the same second' : undefined;
  const { count } = await db.stripeInvoice.updateMany({ where: { id: invoice.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied', note } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
