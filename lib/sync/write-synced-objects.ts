// Writes objects read from Stripe into the projection, in one transaction, through the webhook apply path:
// the same columns, and the same guard, so a read never overwrites a newer webhook state.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { applyStripeEvent } from '@/lib/webhooks/apply-stripe-event';
import type { ProjectionOutcome } from '@/lib/webhooks/projection-result';
import { markWrittenBySync } from './projection-rows';
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
  const events = options.objects.map((object, index) => definition.toEvent(object, `evt_sync_${batch}_${index}`, stamp));
  return db.$transaction(async (tx) => {
    const writes: SyncedWrite[] = [];
    for (const [index, event] of events.entries()) {
      const result = await applyStripeEvent(event, tx);
      writes.push({ id: options.objects[index]!.id, outcome: result.outcome });
    }
    await markWrittenBySync(options.type, events.map((event) => event.id), tx);
    return writes;
  });
}
