// Finds a PostgreSQL server for the tests and prints an admin URL: the machine's own on 127.0.0.1:5432
// (trust auth) when it answers, else a private cluster on 127.0.0.1:5433 that this script installs
// (Debian's `postgresql`) and starts under data/postgres-test.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

const MACHINE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const PRIVATE_PORT = 5433;
const PRIVATE_URL = `postgresql://postgres@127.0.0.1:${PRIVATE_PORT}/postgres`;
const PRIVATE_DIR = resolve('data/postgres-test');

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function sh(command: string): void {
  execSync(command, { stdio: ['ignore', process.stderr, process.stderr] });
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version ? `${root}/${version}/bin` : undefined;
}

async function startPrivateCluster(): Promise<string> {
  let bin = postgresBinDir();
  if (!bin) {
    console.error("No PostgreSQL answers on 127.0.0.1:5432; installing Debian's postgresql…");
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    sh(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq postgresql`);
    bin = postgresBinDir();
    if (!bin) throw new Error('postgresql installed but no server binaries under /usr/lib/postgresql');
  }
  // initdb and the server refuse to run as root: run them as the postgres user when we are root.
  const asPostgres = (command: string) => (process.getuid?.() === 0 ? `su postgres -s /bin/sh -c '${command}'` : command);
  if (!existsSync(`${PRIVATE_DIR}/PG_VERSION`)) {
    mkdirSync(PRIVATE_DIR, { recursive: true });
    if (process.getuid?.() === 0) sh(`chown postgres ${PRIVATE_DIR}`);
    sh(asPostgres(`${bin}/initdb -D ${PRIVATE_DIR} -U postgres -A trust >/dev/null`));
  }
  sh(
    asPostgres(
      `${bin}/pg_ctl -D ${PRIVATE_DIR} -l ${PRIVATE_DIR}/server.log -w -o "-p ${PRIVATE_PORT} -c listen_addresses=127.0.0.1 -k /tmp" start`,
    ),
  );
  return PRIVATE_URL;
}

async function main(): Promise<void> {
  if (await answers(MACHINE_URL)) return void console.log(MACHINE_URL);
  if (await answers(PRIVATE_URL)) return void console.log(PRIVATE_URL);
  const url = await startPrivateCluster();
  if (!(await answers(url))) throw new Error(`started PostgreSQL but it does not answer at ${url}`);
  console.log(url);
}

await main();
