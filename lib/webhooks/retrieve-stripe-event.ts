// Reads one stored event with its raw payload, for the Events page's payload view.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export async function retrieveStripeEvent(options: { eventId: string }, db: Pick<Db, 'stripeEvent'> = defaultDb) {
  return db.stripeEvent.findUnique({ where: { id: options.eventId } });
}
