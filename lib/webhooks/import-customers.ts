// Copies customers that exist in Stripe but not yet in the projection (those made before webhooks reached us).
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';

/**
 * Rows already in the projection are left alone: an event may have written something newer. An imported
 * row is stamped with the time of the read, so only events created after it can overwrite it.
 * The full, resumable backfill of every projected type is lib/sync (`npm run sync`); this quick import only
 * makes the customer list complete the moment the endpoint is first registered.
 */
export async function importCustomers(options: { limit?: number }, dependencies: { stripe: Stripe; db: Pick<Db, 'stripeCustomer'> }): Promise<number> {
  const readAt = Math.floor(Date.now() / 1000);
  let imported = 0;
  for await (const customer of dependencies.stripe.customers.list({ limit: 100 })) {
    if (options.limit !== undefined && imported >= options.limit) break;
    const data = {
      email: customer.email,
      name: customer.name ?? null,
      phone: customer.phone ?? null,
      created: customer.created,
      updatedFromEventCreated: readAt,
      source: 'sync',
      raw: JSON.stringify(customer),
    };
    await dependencies.db.stripeCustomer.upsert({ where: { id: customer.id }, create: { id: customer.id, ...data }, update: {} });
    imported += 1;
  }
  return imported;
}
