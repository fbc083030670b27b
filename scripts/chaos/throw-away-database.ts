// A throw-away database beside the run's own: a SQLite file in a temporary folder, or a new PostgreSQL database
// made through an admin connection. Migrated, ready to use; `remove` drops it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '@/lib/db/apply-migrations';

export interface ThrowAwayDatabase {
  url: string;
  remove(): Promise<void>;
}

/** `postgresAdminUrl`: any URL on the server whose user may create databases; SQLite when absent. */
export async function throwAwayDatabase(postgresAdminUrl: string | null, label: string): Promise<ThrowAwayDatabase> {
  if (!postgresAdminUrl) {
    const folder = mkdtempSync(join(tmpdir(), `paydesk-${label}-`));
    const url = `file:${join(folder, `${label}.db`)}`;
    await applyMigrations(url);
    return { url, remove: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `paydesk_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:/.test(url);
