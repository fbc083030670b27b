// One projection row written with ONE raw statement: insert it, or update it only when the event is not older than
// what is stored. The read-then-write of the ORM cost two query compilations per event; this costs none.
import 'server-only';
import { z } from 'zod';
import { Prisma, type Db } from '@/lib/db/client';

export type ColumnValue = string | number | boolean | null;

/** Within the event's second, a state applies when its rank is at least the stored one's (a status never goes back). */
export interface SameSecondRank {
  /** the stored column the rank is read from */
  column: string;
  /** the rank of each stored value, a value not listed ranking 0; without it the column's number is the rank (e.g. an amount refunded) */
  rankOfValue?: ReadonlyArray<readonly [ColumnValue, number]>;
  /** the incoming state's rank */
  incoming: number;
}

export interface ProjectionRow<Columns extends Record<string, ColumnValue>> {
  /** the Prisma model's table, e.g. `StripeCustomer` */
  table: string;
  id: string;
  /** every column but `id` and `updatedAt`; must include `updatedFromEventCreated` */
  columns: Columns;
  /**
   * the columns' types, checked before writing: unlike the ORM, a raw statement takes whatever it is given (SQLite
   * would keep text in an Int column)
   */
  schema: z.ZodType<Columns>;
  /** without it, an event from the same second as the stored one applies (arrival order) */
  sameSecondRank?: SameSecondRank;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoted(identifier: string): Prisma.Sql {
  if (!IDENTIFIER.test(identifier)) throw new Error(`not a plain identifier: ${identifier}`);
  return Prisma.raw(`"${identifier}"`);
}

// SQLite keeps a Boolean as 0/1, PostgreSQL as a boolean: compare a Boolean column by its truth, the same SQL on both.
// Ranks are written into the statement: PostgreSQL cannot always infer a bare parameter's type inside CASE.
function rankSql(rank: number): Prisma.Sql {
  if (!Number.isInteger(rank)) throw new Error(`a rank must be an integer: ${rank}`);
  return Prisma.raw(String(rank));
}

function storedRankSql(table: Prisma.Sql, { column, rankOfValue }: SameSecondRank): Prisma.Sql {
  const stored = Prisma.sql`${table}.${quoted(column)}`;
  if (!rankOfValue) return stored;
  const cases = rankOfValue.map(([value, rank]) =>
    typeof value === 'boolean'
      ? Prisma.sql`WHEN ${value ? stored : Prisma.sql`NOT ${stored}`} THEN ${rankSql(rank)}`
      : Prisma.sql`WHEN ${stored} = ${value} THEN ${rankSql(rank)}`,
  );
  return Prisma.sql`(CASE ${Prisma.join(cases, ' ')} ELSE 0 END)`;
}

/** The columns every webhook-written row has, besides the object's own. */
export function webhookRowSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({
    ...shape,
    created: z.number().int(),
    updatedFromEventCreated: z.number().int(),
    updatedFromEventId: z.string(),
    source: z.literal('webhook'),
    raw: z.string(),
  });
}

/** A status ranking as the stored-value ranks of `SameSecondRank`. */
export const ranksOfStatuses = (statusRank: Record<string, number>): Array<[string, number]> => Object.entries(statusRank);

/**
 * Inserts the row, or overwrites the stored one when the incoming event is newer (`updatedFromEventCreated`), or
 * from the same second with a rank at least the stored one's. The database decides, so a concurrent newer
 * event that committed first wins. Returns false when the stored state was kept (the event is stale).
 */
export async function upsertProjectionRow<Columns extends Record<string, ColumnValue>>(
  db: Pick<Db, '$executeRaw'>,
  { table, id, schema, sameSecondRank, ...row }: ProjectionRow<Columns>,
): Promise<boolean> {
  const columns: Record<string, ColumnValue> = schema.parse(row.columns);
  const eventCreated = columns.updatedFromEventCreated;
  if (typeof eventCreated !== 'number') throw new Error(`${table}: updatedFromEventCreated is required`);
  const tableSql = quoted(table);
  const names = Object.keys(columns);
  const storedCreated = Prisma.sql`${tableSql}."updatedFromEventCreated"`;
  const isNotOlder = sameSecondRank
    ? Prisma.sql`${storedCreated} < ${eventCreated} OR (${storedCreated} = ${eventCreated} AND ${storedRankSql(tableSql, sameSecondRank)} <= ${rankSql(sameSecondRank.incoming)})`
    : Prisma.sql`${storedCreated} <= ${eventCreated}`;
  const changed = await db.$executeRaw(Prisma.sql`
    INSERT INTO ${tableSql} ("id", ${Prisma.join(names.map(quoted))}, "updatedAt")
    VALUES (${id}, ${Prisma.join(names.map((name) => columns[name]))}, ${new Date()})
    ON CONFLICT ("id") DO UPDATE SET ${Prisma.join([...names, 'updatedAt'].map((name) => Prisma.sql`${quoted(name)} = excluded.${quoted(name)}`))}
    WHERE ${isNotOlder}`);
  return changed === 1;
}
