// `npm run chaos [-- --postgres] [--payments N] [--parallel N]`: the chaos run on its own sandbox and a
// throw-away database (a SQLite file, or a new PostgreSQL database); the webhook listener is a child process
// killed and started again every 2 s. Prints its figures; exit code 1 on any difference.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { spawnSandbox } from '../sandbox/spawn-sandbox';

const argsSchema = z.object({
  postgres: z.boolean(),
  payments: z.coerce.number().int().min(1).max(10_000),
  parallel: z.coerce.number().int().min(1).max(32),
});

function parseArgs(argv: string[]) {
  const valueOf = (flag: string, fallback: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
  };
  return argsSchema.parse({ postgres: argv.includes('--postgres'), payments: valueOf('--payments', '200'), parallel: valueOf('--parallel', '6') });
}

/** A throw-away database: its URL and how to remove it. */
async function throwAwayDatabase(postgres: boolean): Promise<{ url: string; remove: () => Promise<void> }> {
  if (!postgres) {
    const folder = mkdtempSync(join(tmpdir(), 'paydesk-chaos-'));
    return { url: `file:${join(folder, 'chaos.db')}`, remove: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const adminUrl = execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/ensure-postgres.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const name = `paydesk_chaos_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const database = await throwAwayDatabase(args.postgres);
  const sandbox = await spawnSandbox();
  try {
    await applyMigrations(database.url);
    await sandbox.start();
    // The app's modules read DATABASE_URL when first loaded, so they are loaded only now.
    process.env.DATABASE_URL = database.url;
    const { createUserAccount } = await import('@/lib/auth/create-user-account');
    const { createDb } = await import('@/lib/db/client');
    const { createStripeClient } = await import('@/lib/stripe/client');
    const { chaosSecretKey, formatChaosSummary, runChaos } = await import('./chaos/run-chaos');

    const db = createDb(database.url);
    const email = `chaos-${randomUUID()}@paydesk.test`;
    const account = await createUserAccount({ email, name: 'Chaos admin', role: 'admin', password: randomUUID() });
    const secretKey = chaosSecretKey();
    console.log(`chaos run: ${args.payments} payment stories, ${args.parallel} in parallel, on ${args.postgres ? 'PostgreSQL' : 'SQLite'}`);
    const summary = await runChaos({
      stripe: createStripeClient({ secretKey, apiBase: sandbox.base }),
      secretKey,
      sandboxBase: sandbox.base,
      db,
      actor: { id: account.id, email, name: 'Chaos admin', role: 'admin' },
      payments: args.payments,
      parallel: args.parallel,
      restartListener: { databaseUrl: database.url, everyMs: 2000 },
      log: (line) => console.log(line),
    });
    console.log(formatChaosSummary(summary));
    await db.$disconnect();
    return summary.differences.length === 0 ? 0 : 1;
  } finally {
    await sandbox.dispose();
    await database.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
