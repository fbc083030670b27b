// customer.created / updated / deleted → the StripeCustomer projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';
import { upsertProjectionRow } from '../upsert-projection-row';

export const CUSTOMER_EVENT_TYPES = ['customer.created', 'customer.updated', 'customer.deleted'] as const;
export type CustomerEvent = Extract<Stripe.Event, { type: (typeof CUSTOMER_EVENT_TYPES)[number] }>;

// Deletion is final: an update from the same second never brings a customer back.
const DELETED_RANKS = [[true, 1], [false, 0]] as const;

const customerColumns = z.object({
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  created: z.number().int(),
  isDeleted: z.boolean(),
  updatedFromEventCreated: z.number().int(),
  updatedFromEventId: z.string(),
  source: z.literal('webhook'),
  raw: z.string(),
});

/**
 * True when another event from the same second, with the same rank, wrote the stored row: the payloads cannot
 * tell which change came last (two updates in one second), so the caller re-reads the customer from Stripe.
 */
export async function isCustomerTie(event: CustomerEvent, db: ProjectionDb): Promise<boolean> {
  // A raw read: it runs for every customer event the route receives, and an ORM call costs a query compilation.
  const [stored] = await db.$queryRaw<{ updatedFromEventCreated: number; updatedFromEventId: string | null; isDeleted: boolean | number }[]>`
    SELECT "updatedFromEventCreated", "updatedFromEventId", "isDeleted" FROM "StripeCustomer" WHERE "id" = ${event.data.object.id}`;
  return (
    stored !== undefined &&
    stored.updatedFromEventId !== null &&
    stored.updatedFromEventId !== event.id &&
    Number(stored.updatedFromEventCreated) === event.created &&
    // SQLite answers a Boolean column as 0 or 1
    Boolean(stored.isDeleted) === (event.type === 'customer.deleted')
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
  const applied = await upsertProjectionRow(db, {
    table: 'StripeCustomer',
    id: customer.id,
    schema: customerColumns,
    columns: {
      email: customer.email,
      name: customer.name ?? null,
      phone: customer.phone ?? null,
      created: customer.created,
      isDeleted,
      updatedFromEventCreated: event.created,
      updatedFromEventId: event.id,
      source: 'webhook',
      raw: JSON.stringify(customer),
    },
    // A fresh read is the newest state there is, so within the event's second it needs no rank.
    sameSecondRank: current ? undefined : { column: 'isDeleted', rankOfValue: DELETED_RANKS, incoming: isDeleted ? 1 : 0 },
  });
  if (!applied) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  return { outcome: 'applied', note: current ? 're-read from Stripe: another change in the same second' : undefined };
}
