// payment_intent.* → the StripePaymentIntent projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { webhookRowSchema } from '../upsert-projection-row';

export const PAYMENT_INTENT_EVENT_TYPES = [
  'payment_intent.created',
  'payment_intent.processing',
  'payment_intent.requires_action',
  'payment_intent.amount_capturable_updated',
  'payment_intent.partially_funded',
  'payment_intent.payment_failed',
  'payment_intent.succeeded',
  'payment_intent.canceled',
] as const;
export type PaymentIntentEvent = Extract<Stripe.Event, { type: (typeof PAYMENT_INTENT_EVENT_TYPES)[number] }>;

// How far along the intent's life each status is; used only to order changes made within the same second.
// A failed attempt sends the intent back to requires_payment_method, after requires_confirmation/requires_action
// in the same second (create-and-confirm with a declined card does exactly that), so it ranks as its own step.
const STATUS_RANK: Record<string, number> = {
  requires_payment_method: 0,
  requires_confirmation: 1,
  requires_action: 2,
  payment_failed: 3,
  processing: 4,
  requires_capture: 5,
  succeeded: 6,
  canceled: 6,
};
const stepOf = (status: string, hasPaymentError: boolean): string =>
  status === 'requires_payment_method' && hasPaymentError ? 'payment_failed' : status;
const rankOf = (step: string, amountReceived: number): number[] => [STATUS_RANK[step] ?? 0, amountReceived];
/** How far along an intent is, for ordering same-second changes (also used for synchronous API responses). */
export const paymentIntentRank = (status: string, hasPaymentError: boolean, amountReceived: number): number[] =>
  rankOf(stepOf(status, hasPaymentError), amountReceived);

const SECONDS_PER_DAY = 86_400;

// The search text is part of an index key, and PostgreSQL refuses B-tree entries over ~2,700 bytes.
const SEARCH_TEXT_MAX_BYTES = 1_000;

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** What the Payments list searches: ids, description and metadata values, lowercase, one space apart. */
export function paymentIntentSearchText(intent: Stripe.PaymentIntent): string {
  const parts = [intent.id, idOf(intent.customer), idOf(intent.latest_charge), intent.description, ...Object.values(intent.metadata ?? {})];
  const text = parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' ')
    .toLowerCase();
  return truncateUtf8(text, SEARCH_TEXT_MAX_BYTES);
}

/**
 * The projection's columns for an intent as Stripe shows it, for every writer of the row. The refund and dispute
 * columns are left out: they come from the intent's charges (lib/webhooks/handlers/charge-events.ts).
 */
export function paymentIntentColumns(intent: Stripe.PaymentIntent) {
  return {
    status: intent.status,
    amount: intent.amount,
    amountReceived: intent.amount_received,
    amountCapturable: intent.amount_capturable,
    currency: intent.currency,
    customerId: idOf(intent.customer),
    description: intent.description,
    captureMethod: intent.capture_method,
    latestChargeId: idOf(intent.latest_charge),
    statusRank: STATUS_RANK[stepOf(intent.status, Boolean(intent.last_payment_error))] ?? 0,
    searchText: paymentIntentSearchText(intent),
    created: intent.created,
    createdDay: Math.floor(intent.created / SECONDS_PER_DAY),
    raw: JSON.stringify(intent),
  };
}

const paymentIntentRowSchema = webhookRowSchema({
  status: z.string(),
  amount: z.number().int(),
  amountReceived: z.number().int(),
  amountCapturable: z.number().int(),
  currency: z.string(),
  customerId: z.string().nullable(),
  description: z.string().nullable(),
  captureMethod: z.string(),
  latestChargeId: z.string().nullable(),
  statusRank: z.number().int(),
  searchText: z.string(),
  createdDay: z.number().int(),
});

/**
 * The intent's row; its refund and dispute columns are left to the charges (copyChargeTotalsToPaymentIntents runs
 * after every batch that wrote an intent or a charge, so an intent created after its charges takes their totals).
 */
export function planPaymentIntentEvent(event: PaymentIntentEvent): ProjectionPlan {
  const intent = event.data.object;
  return {
    row: {
      table: 'StripePaymentIntent',
      id: intent.id,
      schema: paymentIntentRowSchema,
      columns: { ...paymentIntentColumns(intent), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: [{ column: 'statusRank' }, { column: 'amountReceived' }],
    },
  };
}
