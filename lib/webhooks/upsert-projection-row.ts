// Projection rows written with ONE raw statement per table and batch: insert each row, or overwrite the stored one
// only when its event is not older. The ORM's read-then-write cost two query compilations per event; this costs none.
import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/lib/db/client';
import { quotedIdentifier as quoted, type SqlRunner } from '@/lib/db/sql-runner';
import { isOlderState } from './compare-state';

export type ColumnValue = string | number | boolean | null;

/**
 * One part of a row's rank within its event's second (parts compare left to right; a status never goes back):
 * a column's value ranked through `rankOfValue` (a value not listed ranks 0), or without it the column's number
 * itself (e.g. an amount refunded). The incoming row's rank is read from its own columns the same way.
 */
export interface RankPart {
  column: string;
  rankOfValue?: ReadonlyArray<readonly [ColumnValue, number]>;
}

export interface ProjectionRow<Columns extends Record<string, ColumnValue> = Record<string, ColumnValue>> {
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
  sameSecondRank?: readonly RankPart[];
}

// SQLite keeps a Boolean as 0/1, PostgreSQL as a boolean: compare a Boolean column by its truth, the same SQL on both.
// Ranks are written into the statement: PostgreSQL cannot always infer a bare parameter's type inside CASE.
function rankSql(rank: number): Prisma.Sql {
  if (!Number.isInteger(rank)) throw new Error(`a rank must be an integer: ${rank}`);
  return Prisma.raw(String(rank));
}

function rankPartSql(row: Prisma.Sql, { column, rankOfValue }: RankPart): Prisma.Sql {
  const value = Prisma.sql`${row}.${quoted(column)}`;
  if (!rankOfValue) return value;
  const cases = rankOfValue.map(([stored, rank]) =>
    typeof stored === 'boolean'
      ? Prisma.sql`WHEN ${stored ? value : Prisma.sql`NOT ${value}`} THEN ${rankSql(rank)}`
      : Prisma.sql`WHEN ${value} = ${stored} THEN ${rankSql(rank)}`,
  );
  return Prisma.sql`(CASE ${Prisma.join(cases, ' ')} ELSE 0 END)`;
}

/** A row's rank as the SQL computes it, for choosing between rows of one object in the same batch. */
function rankOfColumns(columns: Record<string, ColumnValue>, parts: readonly RankPart[]): number[] {
  return parts.map(({ column, rankOfValue }) => {
    const value = columns[column] ?? null;
    if (rankOfValue) return rankOfValue.find(([listed]) => listed === value)?.[1] ?? 0;
    return typeof value === 'boolean' ? Number(value) : Number(value ?? 0);
  });
}

/** The columns every webhook-written row has, besides the object's own. */
export function webhookRowSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  // Strict: a column the schema forgot is an error, not silently left unwritten.
  return z.strictObject({
    ...shape,
    created: z.number().int(),
    updatedFromEventCreated: z.number().int(),
    updatedFromEventId: z.string(),
    source: z.literal('webhook'),
    raw: z.string(),
  });
}

/** A status ranking as a rank part's stored-value ranks. */
export const ranksOfStatuses = (statusRank: Record<string, number>): Array<[string, number]> => Object.entries(statusRank);

interface CheckedRow {
  row: ProjectionRow;
  columns: Record<string, ColumnValue>;
  eventCreated: number;
  rank: number[];
}

function checked(row: ProjectionRow): CheckedRow {
  const columns: Record<string, ColumnValue> = row.schema.parse(row.columns);
  const eventCreated = columns.updatedFromEventCreated;
  if (typeof eventCreated !== 'number') throw new Error(`${row.table}: updatedFromEventCreated is required`);
  return { row, columns, eventCreated, rank: row.sameSecondRank ? rankOfColumns(columns, row.sameSecondRank) : [] };
}

/** Rows of one table under one ordering rule, written by one statement. */
const statementKey = (row: ProjectionRow) => `${row.table} ${JSON.stringify(row.sameSecondRank ?? null)} ${Object.keys(row.columns).join(',')}`;

/**
 * Writes the rows as if one after another in the given order (each inserted, or overwriting the stored row when its
 * event is not older), with one statement per table: of several rows for one object, only the one sequential writes would leave is written. Returns the
 * rows that were written (inserted or overwriting an older state); the others were stale.
 */
export async function upsertProjectionRows(sql: SqlRunner, rows: readonly ProjectionRow[]): Promise<Set<ProjectionRow>> {
  const written = new Set<ProjectionRow>();
  // statement key → the winning row of each object; objects are keyed by table and id
  let statements = new Map<string, Map<string, CheckedRow>>();
  let statementOfObject = new Map<string, string>();
  const writeStatements = async () => {
    for (const winners of statements.values()) for (const { row } of await upsertWinners([...winners.values()], sql)) written.add(row);
    statements = new Map();
    statementOfObject = new Map();
  };
  for (const row of rows) {
    const key = statementKey(row);
    const object = `${row.table} ${row.id}`;
    // The same object under another rule (e.g. a re-read customer after a payload): write what came before first.
    if ((statementOfObject.get(object) ?? key) !== key) await writeStatements();
    statementOfObject.set(object, key);
    const winners = statements.get(key) ?? new Map<string, CheckedRow>();
    statements.set(key, winners);
    const incoming = checked(row);
    const earlier = winners.get(row.id);
    // Later rows win ties, as they would written one by one.
    if (!earlier || !isOlderState({ eventCreated: incoming.eventCreated, rank: incoming.rank }, { eventCreated: earlier.eventCreated, rank: earlier.rank })) {
      winners.set(row.id, incoming);
    }
  }
  await writeStatements();
  return written;
}

/** Rows of distinct ids, one table and one rule: the database decides against what is stored, so a concurrent newer event that committed first wins. */
async function upsertWinners(unordered: CheckedRow[], sql: SqlRunner): Promise<CheckedRow[]> {
  // In id order, so two concurrent batches lock shared rows in the same order (no deadlock on PostgreSQL).
  const rows = unordered.sort((a, b) => (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  const { table, sameSecondRank } = rows[0]!.row;
  const tableSql = quoted(table);
  const names = Object.keys(rows[0]!.columns);
  const stored = Prisma.sql`${tableSql}."updatedFromEventCreated"`;
  const incoming = Prisma.sql`excluded."updatedFromEventCreated"`;
  const rankTuple = (side: Prisma.Sql) => Prisma.sql`(${Prisma.join(sameSecondRank!.map((part) => rankPartSql(side, part)))})`;
  const isNotOlder =
    sameSecondRank && sameSecondRank.length > 0
      ? Prisma.sql`${stored} < ${incoming} OR (${stored} = ${incoming} AND ${rankTuple(tableSql)} <= ${rankTuple(Prisma.raw('excluded'))})`
      : Prisma.sql`${stored} <= ${incoming}`;
  const now = new Date();
  const values = rows.map(({ row, columns }) => Prisma.sql`(${row.id}, ${Prisma.join(names.map((name) => columns[name]))}, ${now})`);
  const writtenIds = await sql.query<{ id: string }>(Prisma.sql`
    INSERT INTO ${tableSql} ("id", ${Prisma.join(names.map(quoted))}, "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("id") DO UPDATE SET ${Prisma.join([...names, 'updatedAt'].map((name) => Prisma.sql`${quoted(name)} = excluded.${quoted(name)}`))}
    WHERE ${isNotOlder}
    RETURNING "id"`);
  const ids = new Set(writtenIds.map(({ id }) => id));
  return rows.filter(({ row }) => ids.has(row.id));
}
