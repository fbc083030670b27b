// The Prisma client for DATABASE_URL's engine (SQLite file or PostgreSQL), one per process.
import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '@/generated/prisma-sqlite/client';
import { PrismaClient as PostgresClient } from '@/generated/prisma-postgres/client';
import { databaseUrl, providerOf } from './database-url';

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

export function createDb(url = databaseUrl(), options: { omitSecrets?: boolean } = {}): Db {
  // Prisma rejects `omit: undefined`, so the option is left out entirely when secrets are wanted.
  const omitSecrets = options.omitSecrets !== false;
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url });
    const client = omitSecrets ? new PostgresClient({ adapter, omit: OMIT_SECRETS }) : new PostgresClient({ adapter });
    return client as unknown as Db;
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const client = omitSecrets ? new SqliteClient({ adapter, omit: OMIT_SECRETS }) : new SqliteClient({ adapter });
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { paydeskDb?: Db };

/** The shared client (secret columns omitted). */
export const db: Db = globalForDb.paydeskDb ?? (globalForDb.paydeskDb = createDb());
