// Reads the event store newest first for the Events page, a page at a time, filtered by type and object id.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export interface StripeEventRow {
  id: string;
  type: string;
  objectId: string | null;
  created: number;
  receivedAt: Date;
  signatureResult: string;
  processingResult: string;
  processingError: string | null;
  replayCount: number;
}

export interface ListStripeEventsOptions {
  type?: string;
  objectId?: string;
  /** event id to continue after (keyset on receivedAt, id) */
  before?: string;
  limit?: number;
}

export interface StripeEventPage {
  events: StripeEventRow[];
  nextCursor: string | null;
}

export async function listStripeEvents(options: ListStripeEventsOptions = {}, db: Pick<Db, 'stripeEvent'> = defaultDb): Promise<StripeEventPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await db.stripeEvent.findMany({
    where: { type: options.type, objectId: options.objectId },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
    select: {
      id: true,
      type: true,
      objectId: true,
      created: true,
      receivedAt: true,
      signatureResult: true,
      processingResult: true,
      processingError: true,
      replayCount: true,
    },
  });
  const events = rows.slice(0, limit);
  return { events, nextCursor: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}
