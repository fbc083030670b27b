// Raw SQL for the projection's hot path (webhook ingestion and backfill), in one shape for two ways of running it:
// through a Prisma client or transaction, or straight through the driver adapter Prisma itself uses. Prisma compiles
// every call, raw ones included, into a query plan in WebAssembly (~0.25 ms a statement here); the driver alone takes
// a few hundredths of that.
import 'server-only';
import type { ArgType, ColumnType, SqlQueryable } from '@prisma/driver-adapter-utils';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import { Prisma } from '@/generated/prisma-sqlite/client';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A table or column name for a raw statement, quoted the same way on both engines; anything but a plain name is refused. */
export function quotedIdentifier(identifier: string): Prisma.Sql {
  if (!IDENTIFIER.test(identifier)) throw new Error(`not a plain identifier: ${identifier}`);
  return Prisma.raw(`"${identifier}"`);
}

export interface SqlRunner {
  /** rows as objects; integers as numbers and Booleans as booleans on both engines */
  query<Row extends Record<string, unknown>>(statement: Prisma.Sql): Promise<Row[]>;
  /** the number of rows changed */
  execute(statement: Prisma.Sql): Promise<number>;
}

/** A Prisma client or interactive transaction as a SqlRunner (for work that also needs the ORM in the same transaction). */
export function prismaSqlRunner(db: { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>; $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number> }): SqlRunner {
  return {
    // Prisma answers a 64-bit integer as a bigint.
    query: async <Row extends Record<string, unknown>>(statement: Prisma.Sql) =>
      (await db.$queryRaw<Row[]>(statement)).map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, typeof value === 'bigint' ? Number(value) : value])) as Row),
    execute: (statement) => db.$executeRaw(statement),
  };
}

function argTypeOf(value: unknown): ArgType {
  if (value instanceof Date) return { scalarType: 'datetime', arity: 'scalar' };
  switch (typeof value) {
    case 'string':
      return { scalarType: 'string', arity: 'scalar' };
    case 'number':
      return { scalarType: Number.isInteger(value) ? 'int' : 'float', arity: 'scalar' };
    case 'bigint':
      return { scalarType: 'bigint', arity: 'scalar' };
    case 'boolean':
      return { scalarType: 'boolean', arity: 'scalar' };
    default:
      return { scalarType: 'unknown', arity: 'scalar' };
  }
}

// SQLite's driver answers every integer as text (it reads them as 64-bit) and a Boolean as 0 or 1.
function decoded(value: unknown, type: ColumnType | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Int32:
    case ColumnTypeEnum.Int64:
      return Number(value);
    case ColumnTypeEnum.Boolean:
      return value === true || value === 1 || value === '1' || value === 'true';
    default:
      return typeof value === 'bigint' ? Number(value) : value;
  }
}

/** A driver adapter connection (or its transaction) as a SqlRunner; `placeholders` is the engine's parameter style. */
export function driverSqlRunner(queryable: SqlQueryable, placeholders: 'question-mark' | 'dollar-number'): SqlRunner {
  const query = (statement: Prisma.Sql) => ({
    sql: placeholders === 'dollar-number' ? statement.text : statement.sql,
    args: statement.values,
    argTypes: statement.values.map(argTypeOf),
  });
  return {
    async query<Row extends Record<string, unknown>>(statement: Prisma.Sql): Promise<Row[]> {
      const result = await queryable.queryRaw(query(statement));
      return result.rows.map((values) => Object.fromEntries(result.columnNames.map((name, index) => [name, decoded(values[index], result.columnTypes[index])])) as Row);
    },
    execute: (statement) => queryable.executeRaw(query(statement)),
  };
}
