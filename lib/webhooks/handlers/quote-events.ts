// quote.* → the StripeQuote projection, with the invoice or subscription its acceptance created.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const QUOTE_EVENT_TYPES = ['quote.created', 'quote.finalized', 'quote.accepted', 'quote.canceled'] as const;
export type QuoteEvent = Extract<Stripe.Event, { type: (typeof QUOTE_EVENT_TYPES)[number] }>;

// A quote only moves forward (draft → open → accepted or canceled), so its status orders same-second events.
const STATUS_RANK: Record<string, number> = { draft: 0, open: 1, accepted: 2, canceled: 2 };
const rankOf = (status: string): number[] => [STATUS_RANK[status] ?? 0];

/** The projection row for a quote as Stripe describes it. */
export function quoteRow(quote: Stripe.Quote) {
  return {
    status: quote.status,
    customerId: idOf(quote.customer),
    number: quote.number,
    amountTotal: quote.amount_total,
    currency: quote.currency,
    expiresAt: quote.expires_at,
    invoiceId: idOf(quote.invoice),
    subscriptionId: idOf(quote.subscription),
    created: quote.created,
    raw: JSON.stringify(quote),
  };
}

export async function applyQuoteEvent(event: QuoteEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const quote = event.data.object;
  const stored = await db.stripeQuote.findUnique({ where: { id: quote.id }, select: { updatedFromEventCreated: true, status: true } });
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(quote.status) };
  if (stored && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const data = { ...quoteRow(quote), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.stripeQuote.create({ data: { id: quote.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripeQuote.updateMany({ where: { id: quote.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
