// setup_intent.* → the StripeSetupIntent projection.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

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
const rankOf = (status: string): number[] => [STATUS_RANK[status] ?? 0];

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

export async function isSetupIntentTie(event: SetupIntentEvent, db: ProjectionDb): Promise<boolean> {
  const stored = await db.stripeSetupIntent.findUnique({ where: { id: event.data.object.id }, select: { updatedFromEventCreated: true, updatedFromEventId: true } });
  return stored !== null && stored.updatedFromEventId !== null && stored.updatedFromEventId !== event.id && stored.updatedFromEventCreated === event.created;
}

export async function applySetupIntentEvent(
  event: SetupIntentEvent,
  db: ProjectionDb,
  /** Stripe's current intent, read because this event tied with the stored one */
  current?: Stripe.SetupIntent,
): Promise<ProjectionResult> {
  const intent = current ?? event.data.object;
  const stored = await db.stripeSetupIntent.findUnique({ where: { id: intent.id }, select: { updatedFromEventCreated: true, status: true } });
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(intent.status) };
  const isOlder = current
    ? stored !== null && event.created < stored.updatedFromEventCreated
    : stored !== null && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) });
  if (isOlder) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  const data = { ...setupIntentRow(intent), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.stripeSetupIntent.create({ data: { id: intent.id, ...data } });
    return { outcome: 'applied' };
  }
  const note = current ? 're-read from Stripe: another change in the same second' : undefined;
  const { count } = await db.stripeSetupIntent.updateMany({ where: { id: intent.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied', note } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
