// Backfill progress as the Events page and `npm run sync` show it: one line per object type.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import type { ProjectionDb } from '@/lib/webhooks/projection-db';
import { SYNC_DEFINITIONS, SYNC_OBJECT_TYPES, type SyncObjectType } from './sync-object-types';

export interface SyncStatusLine {
  type: SyncObjectType;
  label: string;
  status: string;
  done: number;
  estimated: number | null;
  /** objects per second since the type started (across resumptions) */
  rate: number | null;
  /** running, but nothing written for a minute: the process doing it probably stopped */
  isStalled: boolean;
  lastError: string | null;
}

const STALL_MS = 60_000;

export async function readProjectionCount(type: SyncObjectType, db: Pick<Db, keyof ProjectionDb>): Promise<number> {
  switch (type) {
    case 'customer':
      return db.stripeCustomer.count();
    case 'payment_intent':
      return db.stripePaymentIntent.count();
    case 'charge':
      return db.stripeCharge.count();
    case 'refund':
      return db.stripeRefund.count();
    case 'dispute':
      return db.stripeDispute.count();
    case 'setup_intent':
      return db.stripeSetupIntent.count();
    case 'quote':
      return db.stripeQuote.count();
    case 'invoice':
      return db.stripeInvoice.count();
    case 'credit_note':
      return db.stripeCreditNote.count();
    case 'connected_account':
      return db.connectedAccount.count();
    case 'transfer':
      return db.stripeTransfer.count();
    case 'application_fee':
      return db.stripeApplicationFee.count();
    case 'payout':
      return db.stripePayout.count();
  }
}

export async function readSyncProgress(db: Pick<Db, 'syncState'> = defaultDb): Promise<SyncStatusLine[]> {
  const rows = new Map((await db.syncState.findMany()).map((row) => [row.objectType, row]));
  const now = Date.now();
  return SYNC_OBJECT_TYPES.map((type) => {
    const row = rows.get(type);
    const end = row?.finishedAt?.getTime() ?? row?.updatedAt.getTime() ?? now;
    const seconds = row?.startedAt ? (end - row.startedAt.getTime()) / 1000 : 0;
    return {
      type,
      label: SYNC_DEFINITIONS[type].label,
      status: row?.status ?? 'never',
      done: row?.done ?? 0,
      estimated: row?.estimated ?? null,
      rate: row && seconds > 0 ? row.done / seconds : null,
      isStalled: row?.status === 'running' && now - row.updatedAt.getTime() > STALL_MS,
      lastError: row?.lastError ?? null,
    };
  });
}

export const isSyncRunning = (lines: SyncStatusLine[]) => lines.some((line) => line.status === 'running' && !line.isStalled);
