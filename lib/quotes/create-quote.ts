// Creates a draft quote for a customer from existing prices and inline prices, once per submitted form.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import type { CreateQuoteInput, QuoteLineInput } from './quote-input';

export type CreateQuoteOptions = Omit<CreateQuoteInput, 'lines'> & { lines: QuoteLineInput[]; actor: SessionUser; now?: Date };

const DAY = 86_400;

/** The end of the UTC day `days` from now: the same for every replay of one form that day, so Stripe sees one request. */
export function quoteExpiresAt(days: number, now: Date): number {
  const startOfToday = Math.floor(now.getTime() / 1000 / DAY) * DAY;
  return startOfToday + (days + 1) * DAY - 1;
}

async function checkPrices(lines: QuoteLineInput[], currency: string, stripe: Stripe): Promise<void> {
  for (const line of lines) {
    if (line.kind !== 'price') continue;
    const price = await stripe.prices.retrieve(line.priceId);
    const field = `lines.${line.row}.priceId`;
    if (!price.active) throw new ActionError('invalid_input', 'That price is archived; choose another.', { [field]: 'That price is archived; choose another.' });
    if (price.currency !== currency) {
      const message = `This price is in ${price.currency.toUpperCase()}; the quote is in ${currency.toUpperCase()}.`;
      throw new ActionError('invalid_input', 'A quote has one currency: every line must use it.', { [field]: message });
    }
  }
}

async function toLineItems(lines: QuoteLineInput[], currency: string, idempotencyKey: string, stripe: Stripe): Promise<Stripe.QuoteCreateParams.LineItem[]> {
  const items: Stripe.QuoteCreateParams.LineItem[] = [];
  for (const line of lines) {
    if (line.kind === 'price') {
      items.push({ price: line.priceId, quantity: line.quantity });
      continue;
    }
    // A quote's price_data names a product by id, so the product is made first, keyed to this form's row.
    const product = await stripe.products.create({ name: line.productName }, { idempotencyKey: `${idempotencyKey}:product:${line.row}` });
    items.push({
      price_data: { currency, product: product.id, unit_amount: line.unitAmount, recurring: line.interval === 'one_time' ? undefined : { interval: line.interval } },
      quantity: line.quantity,
    });
  }
  return items;
}

export async function createQuote(options: CreateQuoteOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<{ id: string }> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const action = 'create-quote';
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.customerId, actor: options.actor, nonce: options.idempotencyNonce });
  const replayed = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { objectId: true } });
  if (replayed?.objectId) return { id: replayed.objectId };

  await checkPrices(options.lines, options.currency, stripe);
  const lineItems = await toLineItems(options.lines, options.currency, idempotencyKey, stripe);
  const quote = await stripe.quotes.create(
    {
      customer: options.customerId,
      line_items: lineItems,
      description: options.description,
      expires_at: options.expiresInDays ? quoteExpiresAt(options.expiresInDays, options.now ?? new Date()) : undefined,
    },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: quote.id,
      amount: quote.amount_total,
      currency: quote.currency ?? undefined,
      stripeRequestId: quote.lastResponse.requestId,
      idempotencyKey,
      detail: { customer: options.customerId, lines: options.lines.length },
    },
    db,
  );
  return { id: quote.id };
}
