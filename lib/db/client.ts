// The Prisma client for DATABASE_URL's engine (SQLite file or PostgreSQL), one per process.
import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '@/generated/prisma-sqlite/client';
import { PrismaClient as PostgresClient } from '@/generated/prisma-postgres/client';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { databaseUrl, providerOf } from './database-url';
import { driverSqlRunner, type SqlRunner } from './sql-runner';

/**
 * Both generated clients come from one model (prisma/schema.prisma), so their query APIs match;
 * code is typed against the SQLite one and must stay within what both engines support.
 */
export type Db = SqliteClient;
// The namespace's raw-SQL helpers (`Prisma.sql`, `Prisma.join`) come from the runtime both clients share.
export { Prisma } from '@/generated/prisma-sqlite/client';

// Columns that never leave the data layer; lib/auth reads them through its own client.
const OMIT_SECRETS = {
  account: { password: true, accessToken: true, refreshToken: true, idToken: true },
  session: { token: true },
} as const;

interface ClientDriver {
  /** the connection the client's adapter opened (the same SQLite handle or PostgreSQL pool as its ORM calls) */
  readonly connected?: SqlDriverAdapter;
  placeholders: 'question-mark' | 'dollar-number';
}

// Kept on the client itself under a registry symbol: Next may load this module more than once (one copy per bundle)
// while they all share the one client on globalThis, so a module-level map would not find it.
const DRIVER = Symbol.for('paydesk.db.driver');
const withDriver = (client: Db, driver: ClientDriver): Db => Object.defineProperty(client, DRIVER, { value: driver });
const driverOf = (client: Db): ClientDriver | undefined => (client as unknown as Record<symbol, ClientDriver | undefined>)[DRIVER];

// The adapter factories, remembering the connection they open for Prisma, so raw hot-path statements share it.
class SharedPg extends PrismaPg {
  connectedDriver?: SqlDriverAdapter;
  override async connect() {
    return (this.connectedDriver = await super.connect());
  }
}
class SharedSqlite extends PrismaBetterSQLite3 {
  connectedDriver?: SqlDriverAdapter;
  override async connect() {
    return (this.connectedDriver = await super.connect());
  }
}

export function createDb(url = databaseUrl(), options: { omitSecrets?: boolean } = {}): Db {
  // Prisma rejects `omit: undefined`, so the option is left out entirely when secrets are wanted.
  const omitSecrets = options.omitSecrets !== false;
  if (providerOf(url) === 'postgresql') {
    const adapter = new SharedPg({ connectionString: url });
    const client = (omitSecrets ? new PostgresClient({ adapter, omit: OMIT_SECRETS }) : new PostgresClient({ adapter })) as unknown as Db;
    return withDriver(client, { placeholders: 'dollar-number', get connected() { return adapter.connectedDriver; } });
  }
  const adapter = new SharedSqlite({ url, timeout: 5000 });
  const client = (omitSecrets ? new SqliteClient({ adapter, omit: OMIT_SECRETS }) : new SqliteClient({ adapter })) as unknown as Db;
  return withDriver(client, { placeholders: 'question-mark', get connected() { return adapter.connectedDriver; } });
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

async function connectedDriver(db: Db) {
  const driver = driverOf(db);
  if (!driver) throw new Error('raw driver access needs a client made by createDb');
  if (!driver.connected) await db.$connect();
  return { connection: driver.connected!, placeholders: driver.placeholders };
}

/** Statements outside any transaction, straight on the client's driver connection (see lib/db/sql-runner.ts). */
export async function driverSql(db: Db): Promise<SqlRunner> {
  const { connection, placeholders } = await connectedDriver(db);
  return driverSqlRunner(connection, placeholders);
}

/**
 * Runs `work` in one transaction straight on the client's driver connection (see lib/db/sql-runner.ts for why):
 * committed when it resolves, rolled back when it throws. SQLite's driver runs such transactions one at a time, as it
 * does Prisma's own.
 */
export async function inDriverTransaction<T>(db: Db, work: (sql: SqlRunner) => Promise<T>): Promise<T> {
  const { connection, placeholders } = await connectedDriver(db);
  const transaction = await connection.startTransaction();
  try {
    // SQLite: the adapter opened a deferred transaction, whose first read takes a snapshot that a second process's
    // commit can make stale before our first write (SQLITE_BUSY_SNAPSHOT, at once, without the busy timeout).
    // Taking the write lock up front instead makes a second writer wait its turn.
    if (connection.provider === 'sqlite') {
      await transaction.executeRaw(statement('ROLLBACK'));
      await transaction.executeRaw(statement('BEGIN IMMEDIATE'));
    }
    const result = await work(driverSqlRunner(transaction, placeholders));
    await transaction.executeRaw(statement('COMMIT'));
    await transaction.commit();
    return result;
  } catch (error) {
    // The work's (or the commit's) error is the one to report; a rollback that fails too (a broken connection) only
    // releases the connection.
    await transaction.executeRaw(statement('ROLLBACK')).catch(() => undefined);
    await transaction.rollback();
    throw error;
  }
}

const globalForDb = globalThis as unknown as { paydeskDb?: Db };

/** The shared client (secret columns omitted). */
export const db: Db = globalForDb.paydeskDb ?? (globalForDb.paydeskDb = createDb());
