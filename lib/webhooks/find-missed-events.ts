// Events Stripe has that the event store lacks (never delivered, or delivered but never applied).
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';

/** Stripe keeps events for 30 days; older ones cannot be listed. */
export const EVENT_RETENTION_DAYS = 30;
const ID_BATCH = 500;

export interface FindMissedEventsOptions {
  /** look back this many days (at most the 30 Stripe keeps) */
  days?: number;
}

export interface MissedEvents {
  /** events Stripe listed in the window */
  checked: number;
  /** oldest first, the order Stripe made them in */
  missed: Stripe.Event[];
}

export async function findMissedEvents(options: FindMissedEventsOptions, dependencies: { stripe: Stripe; db: Pick<Db, 'stripeEvent'> }): Promise<MissedEvents> {
  const days = Math.min(options.days ?? EVENT_RETENTION_DAYS, EVENT_RETENTION_DAYS);
  const since = Math.floor(Date.now() / 1000) - days * 86_400;
  const listed: Stripe.Event[] = [];
  // Includes events whose deliveries failed or are still pending: Stripe lists every event it made.
  for await (const event of dependencies.stripe.events.list({ created: { gte: since }, limit: 100 })) listed.push(event);

  const received = new Set<string>();
  for (let start = 0; start < listed.length; start += ID_BATCH) {
    const ids = listed.slice(start, start + ID_BATCH).map((event) => event.id);
    const rows = await dependencies.db.stripeEvent.findMany({ where: { id: { in: ids }, processingResult: { not: 'failed' } }, select: { id: true } });
    for (const row of rows) received.add(row.id);
  }
  const missed = listed.filter((event) => !received.has(event.id)).sort((a, b) => a.created - b.created);
  return { checked: listed.length, missed };
}
