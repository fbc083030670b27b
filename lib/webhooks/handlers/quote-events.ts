// quote.* → the StripeQuote projection, with the invoice or subscription its acceptance created.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const QUOTE_EVENT_TYPES = ['quote.created', 'quote.finalized', 'quote.accepted', 'quote.canceled'] as const;
export type QuoteEvent = Extract<Stripe.Event, { type: (typeof QUOTE_EVENT_TYPES)[number] }>;

// A quote only moves forward (draft → open → accepted or canceled), so its status orders same-second events.
const STATUS_RANK: Record<string, number> = { draft: 0, open: 1, accepted: 2, canceled: 2 };

const quoteColumns = webhookRowSchema({
  status: z.string(),
  customerId: z.string().nullable(),
  number: z.string().nullable(),
  amountTotal: z.number().int(),
  currency: z.string().nullable(),
  expiresAt: z.number().int().nullable(),
  invoiceId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
});

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

export function planQuoteEvent(event: QuoteEvent): ProjectionPlan {
  const quote = event.data.object;
  return {
    row: {
      table: 'StripeQuote',
      id: quote.id,
      schema: quoteColumns,
      columns: { ...quoteRow(quote), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
  };
}
