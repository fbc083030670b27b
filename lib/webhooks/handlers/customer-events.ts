// customer.created / updated / deleted → the StripeCustomer projection.
import 'server-only';
import type Stripe from 'stripe';
import { isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const CUSTOMER_EVENT_TYPES = ['customer.created', 'customer.updated', 'customer.deleted'] as const;
export type CustomerEvent = Extract<Stripe.Event, { type: (typeof CUSTOMER_EVENT_TYPES)[number] }>;

// Deletion is final: an update from the same second never brings a customer back.
const rankOf = (isDeleted: boolean): number[] => [isDeleted ? 1 : 0];

/**
 * True when another event from the same second, with the same rank, wrote the stored row: the payloads cannot
 * tell which change came last (two updates in one second), so the caller re-reads the customer from Stripe.
 */
export async function isCustomerTie(event: CustomerEvent, db: ProjectionDb): Promise<boolean> {
  const stored = await db.stripeCustomer.findUnique({
    where: { id: event.data.object.id },
    select: { updatedFromEventCreated: true, updatedFromEventId: true, isDeleted: true },
  });
  return (
    stored !== null &&
    stored.updatedFromEventId !== null &&
    stored.updatedFromEventId !== event.id &&
    stored.updatedFromEventCreated === event.created &&
    stored.isDeleted === (event.type === 'customer.deleted')
  );
}

export async function applyCustomerEvent(
  event: CustomerEvent,
  db: ProjectionDb,
  /** Stripe's current customer, read because this event tied with the stored one; written instead of the payload */
  current?: Stripe.Customer | Stripe.DeletedCustomer,
): Promise<ProjectionResult> {
  const customer = current && !current.deleted ? current : event.data.object;
  const isDeleted = event.type === 'customer.deleted' || current?.deleted === true;
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(isDeleted) };
  const stored = await db.stripeCustomer.findUnique({ where: { id: customer.id }, select: { updatedFromEventCreated: true, isDeleted: true } });
  // A fresh read is the newest state there is, so within the event's second it needs no rank.
  const isOlder = current
    ? stored !== null && event.created < stored.updatedFromEventCreated
    : stored !== null && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.isDeleted) });
  if (isOlder) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  const data = {
    email: customer.email,
    name: customer.name ?? null,
    phone: customer.phone ?? null,
    created: customer.created,
    isDeleted,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(customer),
  };
  if (!stored) {
    await db.stripeCustomer.create({ data: { id: customer.id, ...data } });
    return { outcome: 'applied' };
  }
  const note = current ? 're-read from Stripe: another change in the same second' : undefined;
  // The condition repeats the check in the database, so a concurrent newer event that committed since our read wins.
  const { count } = await db.stripeCustomer.updateMany({ where: { id: customer.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied', note } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
