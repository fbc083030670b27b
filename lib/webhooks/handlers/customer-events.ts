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

export async function applyCustomerEvent(event: CustomerEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const customer = event.data.object;
  const isDeleted = event.type === 'customer.deleted';
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(isDeleted) };
  const stored = await db.stripeCustomer.findUnique({ where: { id: customer.id }, select: { updatedFromEventCreated: true, isDeleted: true } });
  if (stored && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.isDeleted) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
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
  // The condition repeats the check in the database, so a concurrent newer event that committed since our read wins.
  const { count } = await db.stripeCustomer.updateMany({ where: { id: customer.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
