// Puts a just-created customer into the projection from Stripe's own response, until its webhook confirms it.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/unique-violation';

/**
 * The list then shows the new customer at once. Stamped with event time 0, so its customer.created event (or
 * anything later) overwrites it; if the webhook was faster, the row is already there and is left alone.
 */
export async function projectCreatedCustomer(options: { customer: Stripe.Customer }, db: Pick<Db, 'stripeCustomer'>): Promise<void> {
  const { customer } = options;
  const data = {
    email: customer.email,
    name: customer.name ?? null,
    phone: customer.phone ?? null,
    created: customer.created,
    updatedFromEventCreated: 0,
    source: 'api_response',
    raw: JSON.stringify(customer),
  };
  try {
    await db.stripeCustomer.upsert({ where: { id: customer.id }, create: { id: customer.id, ...data }, update: {} });
  } catch (error) {
    // The webhook inserted the row between upsert's read and its insert: it holds the newer state already.
    if (!isUniqueViolation(error)) throw error;
  }
}
