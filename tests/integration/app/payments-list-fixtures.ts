// Payments for the list tests: made in the sandbox and projected through the real webhook path, or written
// straight into the projection when a test needs more rows than it is worth asking Stripe for.
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { deliver, newSecret } from '../webhooks/helpers';

/** Delivers every event of this sandbox account, oldest first, signed, through ingestWebhook. */
export async function projectAllEvents(stripe: Stripe, db: Db): Promise<void> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  const secret = newSecret();
  for (const event of events.reverse()) {
    const answer = await deliver(db, event, secret);
    if (answer.status !== 200) throw new Error(`event ${event.id} answered ${answer.status}`);
  }
}

/** A card payment that succeeds (or is only authorized with manual capture); declines are returned, not thrown. */
export async function pay(
  stripe: Stripe,
  options: { amount: number; currency: string; customer?: string; description?: string; metadata?: Record<string, string>; manual?: boolean; card?: string },
): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.create({
      amount: options.amount,
      currency: options.currency,
      customer: options.customer,
      description: options.description,
      metadata: options.metadata,
      capture_method: options.manual ? 'manual' : 'automatic',
      payment_method: options.card ?? 'pm_card_visa',
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    });
  } catch (error) {
    const intent = (error as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
    if (intent) return intent;
    throw error;
  }
}

export const runTag = (label: string): string => `${label}${randomBytes(5).toString('hex')}`;

/** Writes `count` projected payments tagged `tag` (in their search text), `created` counting down from `newest`. */
export async function insertProjectedPayments(
  db: Db,
  options: { tag: string; count: number; newest: number; sameSecondEvery?: number; currency?: string; description?: (index: number) => string },
): Promise<string[]> {
  const ids: string[] = [];
  const rows = Array.from({ length: options.count }, (_, index) => {
    const id = `pi_${options.tag}${String(index).padStart(5, '0')}`;
    ids.push(id);
    // Several rows share a second, so the id must break the tie.
    const created = options.newest - Math.floor(index / (options.sameSecondEvery ?? 1));
    const description = options.description?.(index) ?? `Order ${index}`;
    return {
      id,
      status: 'succeeded',
      amount: 1000 + index,
      amountReceived: 1000 + index,
      currency: options.currency ?? 'usd',
      description,
      searchText: `${id} ${description} ${options.tag}`.toLowerCase(),
      created,
      createdDay: Math.floor(created / 86_400),
      updatedFromEventCreated: created,
      source: 'webhook',
      raw: '{}',
    };
  });
  await db.stripePaymentIntent.createMany({ data: rows });
  return ids;
}
