// Writes objects read from Stripe into the projection, in one transaction, through the webhook apply path:
// the same columns, and the same guard, so a read never overwrites a newer webhook state.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { inDriverTransaction, type Db } from '@/lib/db/client';
import { applyStripeEvents } from '@/lib/webhooks/apply-stripe-event';
import type { ProjectionOutcome } from '@/lib/webhooks/projection-result';
import { markWrittenBySync } from './projection-rows';
import { standInEventId } from './stand-in-event';
import { SYNC_DEFINITIONS, type SyncObjectType } from './sync-object-types';

export interface SyncedWrite {
  id: string;
  outcome: ProjectionOutcome;
}

export async function writeSyncedObjects(
  options: { type: SyncObjectType; objects: { id: string; created: number }[]; /** Unix seconds just before the read began */ readStartedAt: number },
  db: Db,
): Promise<SyncedWrite[]> {
  const definition = SYNC_DEFINITIONS[options.type];
  const stamp = options.readStartedAt - 1;
  const batch = randomBytes(6).toString('hex');
  const events = options.objects.map((object, index) => definition.toEvent(object, standInEventId(batch, index), stamp));
  return inDriverTransaction(db, async (sql) => {
    const results = await applyStripeEvents(events.map((event) => ({ event })), sql);
    const writes = results.map((result, index): SyncedWrite => ({ id: options.objects[index]!.id, outcome: result.outcome }));
    await markWrittenBySync(options.type, events.map((event) => event.id), sql);
    return writes;
  });
}
