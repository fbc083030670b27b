// The events a read from Stripe is wrapped in (sync, refresh, reconciliation), so it reaches the projection through
// the webhook apply path and its ordering guard; their ids tell a read from a delivery.
import type Stripe from 'stripe';

const STAND_IN_EVENT_ID_PREFIX = 'evt_sync_';

export const standInEventId = (batch: string, index: number): string => `${STAND_IN_EVENT_ID_PREFIX}${batch}_${index}`;

/** A read is no step in an object's history: handlers that keep one (account requirements) ask this. */
export const isStandInEventId = (id: string): boolean => id.startsWith(STAND_IN_EVENT_ID_PREFIX);

/**
 * A stand-in event around a fresh read: `created` is the second before the read began, so any real event from
 * the read's second or later still wins, and the read wins over every event it already includes. `account` is set
 * for objects read with `Stripe-Account`, as Stripe sets it on a connected account's events.
 */
export function standInEvent<E extends Stripe.Event>(type: E['type'], object: E['data']['object'], id: string, created: number, account?: string): E {
  const event = { id, object: 'event', ...(account ? { account } : {}), api_version: null, created, livemode: false, pending_webhooks: 0, request: { id: null, idempotency_key: null }, type, data: { object } };
  return event as unknown as E;
}
