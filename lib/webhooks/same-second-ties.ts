// Same-second ties: an event whose object was last written by ANOTHER event of the same second (and rank), so the
// payloads cannot say which change came last and the object is re-read from Stripe. One read per table and batch.
import 'server-only';
import type Stripe from 'stripe';
import { Prisma } from '@/lib/db/client';
import { quotedIdentifier as quoted, type SqlRunner } from '@/lib/db/sql-runner';
import type { ColumnValue } from './upsert-projection-row';

export interface TieCheck {
  /** the projection table holding the event's object */
  table: string;
  objectId: string;
  /** only a stored row with this value in this column ties (the same rank); without it any same-second row does */
  sameRank?: { column: string; value: ColumnValue };
}

interface StoredStamp {
  id: string;
  updatedFromEventCreated: number;
  updatedFromEventId: string | null;
  [column: string]: unknown;
}

/**
 * For each event, whether it ties: with the stored row (another event of its second wrote it, at the same rank), or
 * with another event of this batch for the same object and second (neither has been written yet to compare with).
 */
export async function findSameSecondTies(events: readonly Stripe.Event[], checks: readonly (TieCheck | undefined)[], sql: SqlRunner): Promise<boolean[]> {
  const byTable = new Map<string, TieCheck[]>();
  for (const check of checks) if (check) byTable.set(check.table, [...(byTable.get(check.table) ?? []), check]);
  const stored = new Map<string, StoredStamp>();
  for (const [table, tableChecks] of byTable) {
    const rankColumns = [...new Set(tableChecks.flatMap((check) => (check.sameRank ? [check.sameRank.column] : [])))];
    const columns = ['id', 'updatedFromEventCreated', 'updatedFromEventId', ...rankColumns].map(quoted);
    const ids = [...new Set(tableChecks.map((check) => check.objectId))];
    const rows = await sql.query<StoredStamp>(Prisma.sql`SELECT ${Prisma.join(columns)} FROM ${quoted(table)} WHERE "id" IN (${Prisma.join(ids)})`);
    for (const row of rows) stored.set(`${table} ${row.id}`, row);
  }
  return events.map((event, index) => {
    const check = checks[index];
    if (!check) return false;
    const key = `${check.table} ${check.objectId}`;
    const inBatch = events.some((other, otherIndex) => otherIndex !== index && other.id !== event.id && other.created === event.created && checks[otherIndex] && `${checks[otherIndex]!.table} ${checks[otherIndex]!.objectId}` === key);
    if (inBatch) return true;
    const row = stored.get(key);
    return (
      row !== undefined &&
      row.updatedFromEventId !== null &&
      row.updatedFromEventId !== event.id &&
      row.updatedFromEventCreated === event.created &&
      (!check.sameRank || row[check.sameRank.column] === check.sameRank.value)
    );
  });
}
