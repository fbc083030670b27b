// The object types a backfill or reconciliation reads from Stripe, and how each is listed, retrieved and
// turned into a stand-in event so it reaches the projection through the one apply path and its ordering guard.
import 'server-only';
import type Stripe from 'stripe';

export const SYNC_OBJECT_TYPES = ['customer', 'payment_intent', 'charge', 'refund', 'dispute', 'setup_intent'] as const;
export type SyncObjectType = (typeof SYNC_OBJECT_TYPES)[number];

export interface ListParams {
  limit: number;
  starting_after?: string;
  created?: { gte?: number; lte?: number };
}

interface SyncedObject {
  id: string;
  created: number;
}

export interface SyncDefinition<T extends SyncedObject> {
  /** plural, for progress lines */
  label: string;
  list(stripe: Stripe, params: ListParams): AsyncIterable<T>;
  retrieve(stripe: Stripe, id: string): Promise<T | null>;
  toEvent(object: T, eventId: string, created: number): Stripe.Event;
}

/**
 * A stand-in event around a fresh read: `created` is the second before the read began, so any real event from
 * the read's second or later still wins, and the read wins over every event it already includes.
 */
function eventOf<E extends Stripe.Event>(type: E['type'], object: E['data']['object'], id: string, created: number): E {
  const event = { id, object: 'event', api_version: null, created, livemode: false, pending_webhooks: 0, request: { id: null, idempotency_key: null }, type, data: { object } };
  return event as unknown as E;
}

const customer: SyncDefinition<Stripe.Customer> = {
  label: 'customers',
  list: (stripe, params) => stripe.customers.list(params),
  async retrieve(stripe, id) {
    const found = await stripe.customers.retrieve(id);
    return found.deleted ? null : found;
  },
  toEvent: (object, id, created) => eventOf<Stripe.CustomerUpdatedEvent>('customer.updated', object, id, created),
};

const paymentIntent: SyncDefinition<Stripe.PaymentIntent> = {
  label: 'payment intents',
  list: (stripe, params) => stripe.paymentIntents.list(params),
  retrieve: (stripe, id) => stripe.paymentIntents.retrieve(id),
  toEvent: (object, id, created) => eventOf<Stripe.PaymentIntentCreatedEvent>('payment_intent.created', object, id, created),
};

const charge: SyncDefinition<Stripe.Charge> = {
  label: 'charges',
  list: (stripe, params) => stripe.charges.list(params),
  retrieve: (stripe, id) => stripe.charges.retrieve(id),
  toEvent: (object, id, created) => eventOf<Stripe.ChargeUpdatedEvent>('charge.updated', object, id, created),
};

const refund: SyncDefinition<Stripe.Refund> = {
  label: 'refunds',
  list: (stripe, params) => stripe.refunds.list(params),
  retrieve: (stripe, id) => stripe.refunds.retrieve(id),
  toEvent: (object, id, created) => eventOf<Stripe.RefundUpdatedEvent>('refund.updated', object, id, created),
};

const dispute: SyncDefinition<Stripe.Dispute> = {
  label: 'disputes',
  list: (stripe, params) => stripe.disputes.list(params),
  retrieve: (stripe, id) => stripe.disputes.retrieve(id),
  toEvent: (object, id, created) => eventOf<Stripe.ChargeDisputeUpdatedEvent>('charge.dispute.updated', object, id, created),
};

const setupIntent: SyncDefinition<Stripe.SetupIntent> = {
  label: 'setup intents',
  list: (stripe, params) => stripe.setupIntents.list(params),
  retrieve: (stripe, id) => stripe.setupIntents.retrieve(id),
  toEvent: (object, id, created) => eventOf<Stripe.SetupIntentCreatedEvent>('setup_intent.created', object, id, created),
};

export const SYNC_DEFINITIONS: Record<SyncObjectType, SyncDefinition<SyncedObject>> = {
  customer,
  payment_intent: paymentIntent,
  charge,
  refund,
  dispute,
  setup_intent: setupIntent,
};

/** The object type an id belongs to, from Stripe's prefixes. */
export function syncTypeOfId(id: string): SyncObjectType | null {
  if (id.startsWith('cus_')) return 'customer';
  if (id.startsWith('pi_')) return 'payment_intent';
  if (id.startsWith('ch_') || id.startsWith('py_')) return 'charge';
  if (id.startsWith('re_') || id.startsWith('pyr_')) return 'refund';
  if (id.startsWith('dp_') || id.startsWith('du_')) return 'dispute';
  if (id.startsWith('seti_')) return 'setup_intent';
  return null;
}
