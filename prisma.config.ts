// Prisma CLI configuration. The JS schema engine (WebAssembly, through the driver adapter) lets
// migrations run offline; DATABASE_URL picks the engine, its schema and its migrations folder.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl, providerOf, sqlitePath } from './lib/db/database-url';

const url = databaseUrl();
const isPostgres = providerOf(url) === 'postgresql';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: isPostgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: isPostgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  async adapter() {
    if (isPostgres) return new PrismaPg({ connectionString: url });
    mkdirSync(dirname(sqlitePath(url)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
