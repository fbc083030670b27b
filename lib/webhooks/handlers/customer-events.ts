// customer.created / updated / deleted → the StripeCustomer projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { ProjectionPlan } from '../projection-result';

export const CUSTOMER_EVENT_TYPES = ['customer.created', 'customer.updated', 'customer.deleted'] as const;
export type CustomerEvent = Extract<Stripe.Event, { type: (typeof CUSTOMER_EVENT_TYPES)[number] }>;

// Deletion is final: an update from the same second never brings a customer back.
const DELETED_RANKS = [[true, 1], [false, 0]] as const;

const customerColumns = z.strictObject({
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


export function planCustomerEvent(
  event: CustomerEvent,
  /** Stripe's current customer, read because this event tied with the stored one; written instead of the payload */
  current?: Stripe.Customer | Stripe.DeletedCustomer,
): ProjectionPlan {
  const customer = current && !current.deleted ? current : event.data.object;
  const isDeleted = event.type === 'customer.deleted' || current?.deleted === true;
  return {
    row: {
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
      sameSecondRank: current ? undefined : [{ column: 'isDeleted', rankOfValue: DELETED_RANKS }],
    },
    appliedNote: current ? 're-read from Stripe: another change in the same second' : undefined,
  };
}
