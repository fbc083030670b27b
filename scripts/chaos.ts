// `npm run chaos [-- --postgres] [--stories N] [--parallel N]`: the chaos run on its own sandbox and a throw-away
// database (a SQLite file, or a new PostgreSQL database), with a second one for the backfill it kills midway; the
// webhook listener is a child process killed and started again every 2 s. Prints its figures; exit code 1 on any
// difference. (`--payments N` is the old name of `--stories N`.)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { spawnSandbox } from '../sandbox/spawn-sandbox';
import { throwAwayDatabase } from './chaos/throw-away-database';

const argsSchema = z.object({
  postgres: z.boolean(),
  stories: z.coerce.number().int().min(1).max(10_000),
  parallel: z.coerce.number().int().min(1).max(32),
});

function parseArgs(argv: string[]) {
  const valueOf = (flags: string[], fallback: string) => {
    const index = argv.findIndex((arg) => flags.includes(arg));
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
  };
  return argsSchema.parse({ postgres: argv.includes('--postgres'), stories: valueOf(['--stories', '--payments'], '220'), parallel: valueOf(['--parallel'], '6') });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const adminUrl = args.postgres
    ? execFileSync(join('node_modules', '.bin', 'tsx'), ['scripts/ensure-postgres.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
    : null;
  const database = await throwAwayDatabase(adminUrl, 'chaos');
  const backfillDatabase = await throwAwayDatabase(adminUrl, 'chaos_backfill');
  const sandbox = await spawnSandbox();
  try {
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
    console.log(`chaos run: ${args.stories} stories, ${args.parallel} in parallel, on ${args.postgres ? 'PostgreSQL' : 'SQLite'}`);
    const summary = await runChaos({
      stripe: createStripeClient({ secretKey, apiBase: sandbox.base }),
      secretKey,
      sandboxBase: sandbox.base,
      db,
      actor: { id: account.id, email, name: 'Chaos admin', role: 'admin' },
      stories: args.stories,
      parallel: args.parallel,
      restartListener: { databaseUrl: database.url, everyMs: 2000 },
      backfillDatabaseUrl: backfillDatabase.url,
      backfillWhileRunning: true,
      log: (line) => console.log(line),
    });
    console.log(formatChaosSummary(summary));
    await db.$disconnect();
    return summary.differences.length === 0 ? 0 : 1;
  } finally {
    await sandbox.dispose();
    await database.remove();
    await backfillDatabase.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
