// Which database engine a DATABASE_URL names. Shared by the app, prisma.config.ts and scripts.

export const DEFAULT_DATABASE_URL = 'file:./data/paydesk.db';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); got "${url.split(':')[0]}:…"`);
}

/** The SQLite file path of a `file:` URL, relative to the working directory. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}
