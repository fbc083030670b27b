// The projection's rows of one object type, read and re-labelled generically for sync and reconciliation.
import 'server-only';
import { Prisma, type Db } from '@/lib/db/client';
import { quotedIdentifier, type SqlRunner } from '@/lib/db/sql-runner';
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
      case 'connected_account':
        return db.connectedAccount.findMany({ where });
      case 'transfer':
        return db.stripeTransfer.findMany({ where });
      case 'application_fee':
        return db.stripeApplicationFee.findMany({ where });
      case 'payout':
        return db.stripePayout.findMany({ where });
    }
  })();
  return new Map(rows.map((row) => [row.id, row]));
}

const PROJECTION_TABLE: Record<SyncObjectType, string> = {
  customer: 'StripeCustomer',
  payment_intent: 'StripePaymentIntent',
  charge: 'StripeCharge',
  refund: 'StripeRefund',
  dispute: 'StripeDispute',
  setup_intent: 'StripeSetupIntent',
  quote: 'StripeQuote',
  invoice: 'StripeInvoice',
  credit_note: 'StripeCreditNote',
  connected_account: 'ConnectedAccount',
  transfer: 'StripeTransfer',
  application_fee: 'StripeApplicationFee',
  payout: 'StripePayout',
};

/** Rows the stand-in events wrote are relabelled: written by a read (`sync`), not confirmed by any event. */
export async function markWrittenBySync(type: SyncObjectType, eventIds: string[], sql: SqlRunner): Promise<void> {
  if (eventIds.length === 0) return;
  await sql.execute(Prisma.sql`
    UPDATE ${quotedIdentifier(PROJECTION_TABLE[type])} SET "source" = 'sync', "updatedFromEventId" = NULL
    WHERE "updatedFromEventId" IN (${Prisma.join(eventIds)})`);
}

/** Column-by-column differences between two versions of a row, bookkeeping left out. */
export function differingColumns(before: ProjectionRow | undefined, after: ProjectionRow | undefined): { column: string; before: unknown; after: unknown }[] {
  if (!after) return [];
  return Object.keys(after)
    .filter((column) => !BOOKKEEPING_COLUMNS.has(column) && column !== 'id')
    .filter((column) => !before || !Object.is(before[column], after[column]))
    .map((column) => ({ column, before: before?.[column], after: after[column] }));
}
