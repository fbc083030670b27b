// One quote for its page: Stripe's current quote and lines, beside what the webhooks have confirmed (the status,
// and the invoice or subscription acceptance created).
import 'server-only';
import Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';

export interface QuoteLineView {
  id: string;
  description: string;
  quantity: number;
  amountTotal: number;
  /** e.g. "month" for a recurring price; null for one-time */
  interval: string | null;
}

export interface QuoteDetail {
  id: string;
  status: string;
  number: string | null;
  customerId: string | null;
  description: string | null;
  currency: string;
  amountTotal: number;
  recurringTotal: { amount: number; interval: string } | null;
  expiresAt: number;
  created: number;
  lines: QuoteLineView[];
  /** from the projection: null until a quote.* webhook arrives */
  confirmed: { status: string; invoiceId: string | null; subscriptionId: string | null } | null;
  /** the confirmed invoice's status and amount remaining, when its invoice.* webhook has arrived */
  invoice: { id: string; status: string; number: string | null; amountRemaining: number } | null;
}

type QuoteReadDb = Pick<Db, 'stripeQuote' | 'stripeInvoice'>;

export async function retrieveQuote(options: { quoteId: string }, dependencies: { stripe?: Stripe; db?: QuoteReadDb } = {}): Promise<QuoteDetail | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  let quote: Stripe.Quote;
  try {
    quote = await stripe.quotes.retrieve(options.quoteId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
  const items = await stripe.quotes.listLineItems(quote.id, { limit: 100 });
  const row = await db.stripeQuote.findUnique({ where: { id: quote.id }, select: { status: true, invoiceId: true, subscriptionId: true } });
  const invoice = row?.invoiceId ? await db.stripeInvoice.findUnique({ where: { id: row.invoiceId }, select: { id: true, status: true, number: true, amountRemaining: true } }) : null;
  const recurring = quote.computed.recurring;
  return {
    id: quote.id,
    status: quote.status,
    number: quote.number,
    customerId: typeof quote.customer === 'string' ? quote.customer : (quote.customer?.id ?? null),
    description: quote.description,
    currency: quote.currency ?? 'usd',
    amountTotal: quote.amount_total,
    recurringTotal: recurring ? { amount: recurring.amount_total, interval: recurring.interval } : null,
    expiresAt: quote.expires_at,
    created: quote.created,
    lines: items.data.map((item) => ({
      id: item.id,
      description: item.description ?? '',
      quantity: item.quantity ?? 1,
      amountTotal: item.amount_total,
      interval: item.price?.recurring?.interval ?? null,
    })),
    confirmed: row,
    invoice,
  };
}
