// "Refresh from Stripe" for one object: read it, compare it with the projection, repair the row, say what differed.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import type { Db } from '@/lib/db/client';
import { differingColumns, readProjectionRows } from './projection-rows';
import { SYNC_DEFINITIONS, syncTypeOfId, type SyncObjectType } from './sync-object-types';
import { writeSyncedObjects } from './write-synced-objects';

export interface ColumnDifference {
  column: string;
  before: unknown;
  after: unknown;
}

export interface ObjectReconciliation {
  id: string;
  type: SyncObjectType;
  /** created: the projection lacked it · repaired: columns differed · in_sync · kept_newer: a newer webhook state is stored · deleted: Stripe deleted it */
  result: 'created' | 'repaired' | 'in_sync' | 'kept_newer' | 'deleted';
  differences: ColumnDifference[];
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Writes a page of fresh reads and reports, per object, what the projection had wrong. */
export async function reconcileObjects(type: SyncObjectType, objects: { id: string; created: number }[], readStartedAt: number, db: Db): Promise<ObjectReconciliation[]> {
  if (objects.length === 0) return [];
  const ids = objects.map((object) => object.id);
  const before = await readProjectionRows(type, ids, db);
  const writes = await writeSyncedObjects({ type, objects, readStartedAt }, db);
  const after = await readProjectionRows(type, ids, db);
  return writes.map((write) => {
    if (write.outcome === 'stale') return { id: write.id, type, result: 'kept_newer', differences: [] };
    const differences = differingColumns(before.get(write.id), after.get(write.id));
    const result = !before.has(write.id) ? 'created' : differences.length > 0 ? 'repaired' : 'in_sync';
    return { id: write.id, type, result, differences };
  });
}

export async function refreshObject(options: { id: string }, dependencies: { stripe: Stripe; db: Db }): Promise<ObjectReconciliation> {
  const type = syncTypeOfId(options.id);
  if (!type) throw new ActionError('invalid_input', 'Only customers, payment intents, charges, refunds, disputes, SetupIntents, quotes, invoices, credit notes, connected accounts, transfers, application fees and payouts can be refreshed.');
  const readStartedAt = nowSeconds();
  let object: { id: string; created: number } | null;
  try {
    object = await SYNC_DEFINITIONS[type].retrieve(dependencies.stripe, options.id);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404) throw new ActionError('not_found', `Stripe has no ${options.id}.`);
    throw error;
  }
  if (!object) {
    // Customers and connected accounts are deleted outright and Stripe answers with a stub: a customer's row is
    // marked rather than rewritten; an account's row has no such mark and is left as it is.
    const { count } = await dependencies.db.stripeCustomer.updateMany({ where: { id: options.id, isDeleted: false }, data: { isDeleted: true, source: 'sync' } });
    return { id: options.id, type, result: 'deleted', differences: count > 0 ? [{ column: 'isDeleted', before: false, after: true }] : [] };
  }
  const [result] = await reconcileObjects(type, [object], readStartedAt, dependencies.db);
  return result!;
}
