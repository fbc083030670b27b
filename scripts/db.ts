// Database chores: `generate` (both clients), `migrate` (apply committed migrations to DATABASE_URL),
// `new-migration <name>` (write the SQL for both engines from the model's change since the last one).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyMigrations } from '../lib/db/apply-migrations';
import { databaseUrl, providerOf } from '../lib/db/database-url';

const SQLITE_SCHEMA = 'prisma/schema.prisma';
const POSTGRES_SCHEMA = 'prisma/postgres/schema.prisma';
// The model as of the newest migration; the next migration is the diff from it.
const SNAPSHOT = 'prisma/migrations.snapshot.prisma';
// generate and diff read only model files, but prisma.config.ts still builds an adapter: give it a
// throw-away SQLite file so neither needs a database server.
const OFFLINE_ENV = { ...process.env, DATABASE_URL: 'file:./data/.prisma-offline.db' };
const MIGRATION_DIRS = { sqlite: 'prisma/migrations', postgresql: 'prisma/postgres/migrations' } as const;

function prisma(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(join('node_modules', '.bin', 'prisma'), args, {
    env: { ...env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function toPostgres(model: string): string {
  return (
    '// GENERATED from prisma/schema.prisma by `npm run db:generate`; edit that file instead.\n' +
    model
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('"../generated/prisma-sqlite"', '"../../generated/prisma-postgres"')
      .replace('url      = "file:./unused.db"', 'url      = "postgresql://unused"')
  );
}

function derivePostgresSchema(): void {
  mkdirSync('prisma/postgres', { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, toPostgres(readFileSync(SQLITE_SCHEMA, 'utf8')));
}

function generate(): void {
  derivePostgresSchema();
  prisma(['generate', '--schema', SQLITE_SCHEMA], OFFLINE_ENV);
  prisma(['generate', '--schema', POSTGRES_SCHEMA], OFFLINE_ENV);
}

function newMigration(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('migration name: lowercase letters, digits and _ only');
  derivePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const hasSnapshot = existsSync(SNAPSHOT);
  const tmpPostgresSnapshot = join(mkdtempSync(join(tmpdir(), 'paydesk-db-')), 'snapshot.prisma');
  if (hasSnapshot) writeFileSync(tmpPostgresSnapshot, toPostgres(readFileSync(SNAPSHOT, 'utf8')));
  const targets = [
    { provider: 'sqlite' as const, from: SNAPSHOT, to: SQLITE_SCHEMA },
    { provider: 'postgresql' as const, from: tmpPostgresSnapshot, to: POSTGRES_SCHEMA },
  ];
  let wrote = false;
  for (const target of targets) {
    const from = hasSnapshot ? ['--from-schema-datamodel', target.from] : ['--from-empty'];
    const sql = prisma(['migrate', 'diff', ...from, '--to-schema-datamodel', target.to, '--script'], OFFLINE_ENV)
      .replace(/^Loaded Prisma config.*\n+/m, '');
    if (/^\s*(-- This is an empty migration\.)?\s*$/.test(sql)) continue;
    const dir = join(MIGRATION_DIRS[target.provider], `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    const lock = join(MIGRATION_DIRS[target.provider], 'migration_lock.toml');
    if (!existsSync(lock)) writeFileSync(lock, `provider = "${target.provider}"\n`);
    console.log(`wrote ${dir}/migration.sql`);
    wrote = true;
  }
  rmSync(dirname(tmpPostgresSnapshot), { recursive: true, force: true });
  if (!wrote) console.log('no change in prisma/schema.prisma since the last migration');
  else copyFileSync(SQLITE_SCHEMA, SNAPSHOT);
}

async function migrate(): Promise<void> {
  const url = databaseUrl();
  const applied = await applyMigrations(url);
  console.log(`${providerOf(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
}

function listMigrations(): void {
  for (const dir of Object.values(MIGRATION_DIRS)) {
    if (existsSync(dir)) console.log(dir, readdirSync(dir).filter((f) => !f.endsWith('.toml')));
  }
}

const [command, arg] = process.argv.slice(2);
switch (command) {
  case 'generate':
    generate();
    break;
  case 'migrate':
    await migrate();
    break;
  case 'new-migration':
    newMigration(arg ?? 'change');
    generate();
    break;
  case 'list':
    listMigrations();
    break;
  default:
    console.error('usage: tsx scripts/db.ts generate | migrate | new-migration <name> | list');
    process.exit(2);
}
