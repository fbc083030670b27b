// `npm run sync`: imports every object type of lib/sync/sync-object-types.ts (customers … credit notes, and
// Connect's accounts, transfers, application fees and payouts) from Stripe into the projection. Interrupt it
// (Ctrl-C) and run it again: it resumes where it stopped. `--restart` starts over. Reads DATABASE_URL, STRIPE_API_BASE and STRIPE_SECRET_KEY like the app.
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { formatSyncProgress } from '@/lib/sync/format-sync-progress';
import { runSync, SyncInterrupted } from '@/lib/sync/run-sync';

async function main(): Promise<void> {
  const abort = new AbortController();
  process.once('SIGINT', () => {
    console.log('\nStopping after the current page; run `npm run sync` again to resume.');
    abort.abort();
  });
  const started = Date.now();
  let lastLine = '';
  try {
    const results = await runSync(
      {
        restart: process.argv.includes('--restart'),
        signal: abort.signal,
        onProgress: (progress) => {
          const line = formatSyncProgress(progress);
          if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(lastLine.length)}`);
          else console.log(line);
          lastLine = line;
        },
      },
      { stripe: stripe(), db },
    );
    if (process.stdout.isTTY) process.stdout.write('\n');
    const total = results.reduce((sum, line) => sum + line.done, 0);
    const seconds = (Date.now() - started) / 1000;
    for (const line of results) console.log(`  ${formatSyncProgress({ ...line, rate: null })}${line.keptNewer ? ` (${line.keptNewer} kept a newer webhook state)` : ''}`);
    console.log(`Synced ${total} objects in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001))} objects/s).`);
  } catch (error) {
    if (!(error instanceof SyncInterrupted)) throw error;
    console.log(`\n${error.message}`);
    process.exitCode = 130;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
