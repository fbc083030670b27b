// A reconciliation run: every object created in a time range, read from Stripe and compared with the projection;
// each difference is repaired and listed.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { reconcileObjects, type ObjectReconciliation } from './refresh-object';
import { SYNC_DEFINITIONS, SYNC_OBJECT_TYPES, type SyncObjectType } from './sync-object-types';
import { withRateLimitBackoff } from './with-rate-limit-backoff';

export interface ReconcileRangeOptions {
  /** Unix seconds, inclusive */
  createdFrom: number;
  createdTo: number;
  types?: readonly SyncObjectType[];
}

export interface ReconciliationReport {
  checked: number;
  inSync: number;
  keptNewer: number;
  /** every object that was missing or differed, with its columns before and after the repair */
  fixed: ObjectReconciliation[];
}

const PAGE = 100;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function reconcileRange(options: ReconcileRangeOptions, dependencies: { stripe: Stripe; db: Db }): Promise<ReconciliationReport> {
  const report: ReconciliationReport = { checked: 0, inSync: 0, keptNewer: 0, fixed: [] };
  const isInRange = (created: number) => created >= options.createdFrom && created <= options.createdTo;
  for (const type of options.types ?? SYNC_OBJECT_TYPES) {
    const definition = SYNC_DEFINITIONS[type];
    let cursor: string | undefined;
    const record = (results: ObjectReconciliation[]) => {
      report.checked += results.length;
      for (const result of results) {
        if (result.result === 'in_sync') report.inSync += 1;
        else if (result.result === 'kept_newer') report.keptNewer += 1;
        else report.fixed.push(result);
      }
    };
    await withRateLimitBackoff(async () => {
      let batch: { id: string; created: number }[] = [];
      let readStartedAt = nowSeconds();
      const created = definition.listsByCreated ? { created: { gte: options.createdFrom, lte: options.createdTo } } : {};
      const params = { limit: PAGE, ...created, ...(cursor ? { starting_after: cursor } : {}) };
      let listedUpTo = cursor;
      // The cursor moves only once a batch is written, so a retry after a 429 skips nothing.
      const flush = async () => {
        record(await reconcileObjects(type, batch, readStartedAt, dependencies.db));
        cursor = listedUpTo;
        batch = [];
        readStartedAt = nowSeconds();
      };
      for await (const object of definition.list(dependencies.stripe, params)) {
        // Filtered here too: not every list honours `created` everywhere.
        if (isInRange(object.created)) batch.push(object);
        listedUpTo = definition.cursorOf?.(object) ?? object.id;
        if (batch.length === PAGE) await flush();
      }
      await flush();
    });
  }
  return report;
}
