// The projection's rows of one object type, read and re-labelled generically for sync and reconciliation.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { ProjectionDb } from '@/lib/webhooks/projection-db';
import type { SyncObjectType } from './sync-object-types';

export type ProjectionRow = Record<string, unknown> & { id: string };

/** Bookkeeping columns a comparison skips: who wrote the row and when, and the raw copy. */
export const BOOKKEEPING_COLUMNS = new Set(['raw', 'updatedAt', 'updatedFromEventCreated', 'updatedFromEventId', 'source']);

export async function readProjectionRows(type: SyncObjectType, ids: string[], db: Pick<Db, keyof ProjectionDb>): Promise<Map<string, ProjectionRow>> {
  const where = { id: { in: ids } };
  const rows: ProjectionRow[] = await (() => {
    switch (type) {
      case 'customer':
        return db.stripeCustomer.findMany({ where });
      case 'payment_intent':
        return db.stripePaymentIntent.findMany({ where });
      case 'charge':
        return db.stripeCharge.findMany({ where });
      case 'refund':
        return db.stripeRefund.findMany({ where });
      case 'dispute':
        return db.stripeDispute.findMany({ where });
      case 'setup_intent':
        return db.stripeSetupIntent.findMany({ where });
      case 'quote':
        return db.stripeQuote.findMany({ where });
      case 'invoice':
        return db.stripeInvoice.findMany({ where });
      case 'credit_note':
        return db.stripeCreditNote.findMany({ where });
    }
  })();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Rows the stand-in events wrote are relabelled: written by a read (`sync`), not confirmed by any event. */
export async function markWrittenBySync(type: SyncObjectType, eventIds: string[], db: ProjectionDb): Promise<void> {
  const where = { updatedFromEventId: { in: eventIds } };
  const data = { source: 'sync', updatedFromEventId: null };
  switch (type) {
    case 'customer':
      await db.stripeCustomer.updateMany({ where, data });
      return;
    case 'payment_intent':
      await db.stripePaymentIntent.updateMany({ where, data });
      return;
    case 'charge':
      await db.stripeCharge.updateMany({ where, data });
      return;
    case 'refund':
      await db.stripeRefund.updateMany({ where, data });
      return;
    case 'dispute':
      await db.stripeDispute.updateMany({ where, data });
      return;
    case 'setup_intent':
      await db.stripeSetupIntent.updateMany({ where, data });
      return;
    case 'quote':
      await db.stripeQuote.updateMany({ where, data });
      return;
    case 'invoice':
      await db.stripeInvoice.updateMany({ where, data });
      return;
    case 'credit_note':
      await db.stripeCreditNote.updateMany({ where, data });
      return;
  }
}

/** Column-by-column differences between two versions of a row, bookkeeping left out. */
export function differingColumns(before: ProjectionRow | undefined, after: ProjectionRow | undefined): { column: string; before: unknown; after: unknown }[] {
  if (!after) return [];
  return Object.keys(after)
    .filter((column) => !BOOKKEEPING_COLUMNS.has(column) && column !== 'id')
    .filter((column) => !before || !Object.is(before[column], after[column]))
    .map((column) => ({ column, before: before?.[column], after: after[column] }));
}
