// Applies the committed migration SQL (written by `prisma migrate diff`) to DATABASE_URL's engine.
// Our own runner because Prisma 6.19's WebAssembly schema engine cannot read PostgreSQL's catalog
// through @prisma/adapter-pg (prisma/orm#27403); one runner then serves both engines alike.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqlitePath } from './database-url';

const MIGRATION_DIRS = { sqlite: 'prisma/migrations', postgresql: 'prisma/postgres/migrations' } as const;
const LEDGER = '_paydesk_migrations';

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function checkUnchanged(migration: Migration, appliedChecksum: string | undefined): boolean {
  if (appliedChecksum === undefined) return false;
  if (appliedChecksum !== migration.checksum) {
    throw new Error(`migration ${migration.name} was edited after it was applied; write a new migration instead`);
  }
  return true;
}

/** Applies every pending migration in order, each in its own transaction. Returns the names applied. */
export async function applyMigrations(url: string, root = process.cwd()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(join(root, MIGRATION_DIRS[provider]));
  const applied: string[] = [];

  if (provider === 'sqlite') {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.exec(`CREATE TABLE IF NOT EXISTS ${LEDGER} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Map(
        (db.prepare(`SELECT name, checksum FROM ${LEDGER}`).all() as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]),
      );
      for (const migration of migrations) {
        if (checkUnchanged(migration, done.get(migration.name))) continue;
        db.transaction(() => {
          db.exec(migration.sql);
          db.prepare(`INSERT INTO ${LEDGER} (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
            migration.name,
            migration.checksum,
            new Date().toISOString(),
          );
        })();
        applied.push(migration.name);
      }
    } finally {
      db.close();
    }
    return applied;
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${LEDGER} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    // Serialise concurrent runners (e.g. parallel test workers) on one database.
    await client.query('SELECT pg_advisory_lock(7212001)');
    const rows = (await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${LEDGER}`)).rows;
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const migration of migrations) {
      if (checkUnchanged(migration, done.get(migration.name))) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${LEDGER} (name, checksum, applied_at) VALUES ($1, $2, now())`, [migration.name, migration.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.name);
    }
  } finally {
    await client.end();
  }
  return applied;
}
