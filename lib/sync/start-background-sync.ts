// "Sync from Stripe" on the Events page: starts the backfill in this server process and returns at once; the
// page follows it through the SyncState rows.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { runSync } from './run-sync';

let running: Promise<unknown> | null = null;

/** False when a sync started from this process is still running (a second one would only duplicate the reads). */
export function startBackgroundSync(options: { restart: boolean }, dependencies: { stripe: Stripe; db: Db }): boolean {
  if (running) return false;
  running = runSync({ restart: options.restart }, dependencies)
    .catch((error: unknown) => console.error('[sync] stopped with an error; it resumes from its cursor on the next start', error))
    .finally(() => {
      running = null;
    });
  return true;
}
