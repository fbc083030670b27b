// setup_intent.* → the StripeSetupIntent projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const SETUP_INTENT_EVENT_TYPES = [
  'setup_intent.created',
  'setup_intent.requires_action',
  'setup_intent.setup_failed',
  'setup_intent.succeeded',
  'setup_intent.canceled',
] as const;
export type SetupIntentEvent = Extract<Stripe.Event, { type: (typeof SETUP_INTENT_EVENT_TYPES)[number] }>;

// A failed setup goes back to requires_payment_method, so only the final statuses can be ranked; any other
// same-second pair is settled by re-reading the intent (or, without a client, by arrival order).
const STATUS_RANK: Record<string, number> = { succeeded: 1, canceled: 1 };

/** The projection row for a SetupIntent as Stripe describes it. */
export function setupIntentRow(intent: Stripe.SetupIntent) {
  return {
    status: intent.status,
    customerId: idOf(intent.customer),
    paymentMethodId: idOf(intent.payment_method),
    lastSetupErrorCode: intent.last_setup_error?.code ?? null,
    created: intent.created,
    raw: JSON.stringify(intent),
  };
}


const setupIntentRowSchema = webhookRowSchema({
  status: z.string(),
  customerId: z.string().nullable(),
  paymentMethodId: z.string().nullable(),
  lastSetupErrorCode: z.string().nullable(),
});

export function planSetupIntentEvent(
  event: SetupIntentEvent,
  /** Stripe's current intent, read because this event tied with the stored one */
  current?: Stripe.SetupIntent,
): ProjectionPlan {
  const intent = current ?? event.data.object;
  return {
    row: {
      table: 'StripeSetupIntent',
      id: intent.id,
      schema: setupIntentRowSchema,
      columns: { ...setupIntentRow(intent), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: current ? undefined : [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
    appliedNote: current ? 're-read from Stripe: another change in the same second' : undefined,
  };
}
