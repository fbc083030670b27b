// Records an Event for every state change and tells listeners (webhook delivery plugs in here).
import type Stripe from 'stripe';
import type { RequestContext } from '../http/route';
import type { Account } from '../store/account';
import { newId, nowSeconds } from '../store/ids';
import type { Wire } from '../store/wire';

/** The API version the SDK (stripe 23.1.0) pins; events are rendered in it. */
export const API_VERSION = '2026-10-28.endive';

export type EventOf<T extends Stripe.Event['type']> = Extract<Stripe.Event, { type: T }>;
export type EventListener = (account: Account, event: Stripe.Event) => void;

const listeners = new Set<EventListener>();

/**
 * Subscribes to every recorded event (after it is stored). Phase 2's webhook delivery registers here
 * and queues deliveries; a listener must not throw or block — the API response waits for it.
 */
export function onEvent(listener: EventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where the change came from; API requests pass their RequestContext, automatic changes pass null ids. */
export type EventSource = Pick<RequestContext, 'account' | 'idempotencyKey'> & { requestId: string | null };

export function recordEvent<T extends Stripe.Event['type']>(
  source: EventSource,
  type: T,
  // Wire<> admits objects stored in JSON form (prices' decimal strings).
  object: EventOf<T>['data']['object'] | Wire<EventOf<T>['data']['object']>,
  previousAttributes?: Record<string, unknown>,
): EventOf<T> {
  // Data.Object is an empty interface in the SDK: any resource object fits.
  const data: Stripe.Event.Data = { object: object as Stripe.Event.Data.Object };
  if (previousAttributes) data.previous_attributes = previousAttributes;
  const event = {
    id: newId('evt'),
    object: 'event',
    api_version: API_VERSION,
    created: nowSeconds(),
    data,
    livemode: false,
    pending_webhooks: 0,
    request: { id: source.requestId, idempotency_key: source.idempotencyKey },
    type,
  } satisfies Stripe.EventBase & { type: T };
  // The union member for `type` has exactly this shape; TypeScript cannot narrow a generic union.
  const typed = event as unknown as EventOf<T>;
  source.account.put('event', typed);
  for (const listener of listeners) listener(source.account, typed);
  return typed;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The old values of what changed between `before` and `after` (for `*.updated`). Like Stripe, nested
 * hashes (metadata, address) list only their changed keys, with null for keys that did not exist;
 * arrays are given whole.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const old = a[key];
    const now = b[key];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    previous[key] = isPlainObject(old) && isPlainObject(now) ? previousAttributes(old, now) : (old ?? null);
  }
  return previous;
}
