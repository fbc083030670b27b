// The backfill: imports every object of each type from Stripe, newest first with auto-pagination, resuming
// after an interruption from the cursor stored per type, backing off on 429, and reporting progress.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { readProjectionCount } from './read-sync-progress';
import { SYNC_DEFINITIONS, SYNC_OBJECT_TYPES, type SyncObjectType } from './sync-object-types';
import { withRateLimitBackoff } from './with-rate-limit-backoff';
import { writeSyncedObjects } from './write-synced-objects';

export const SYNC_PAGE_SIZE = 100;

export interface SyncTypeProgress {
  type: SyncObjectType;
  label: string;
  status: string;
  done: number;
  estimated: number | null;
  /** objects per second in this run */
  rate: number;
  /** objects whose projection already held a newer (webhook) state */
  keptNewer: number;
  rateLimitedWaits: number;
}

export interface RunSyncOptions {
  types?: readonly SyncObjectType[];
  /** start again from the newest object even where an earlier run stopped midway */
  restart?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SyncTypeProgress) => void;
  /** backoff on 429, in milliseconds (tests shorten it) */
  backoffBaseMs?: number;
}

export class SyncInterrupted extends Error {
  constructor() {
    super('the sync was interrupted; run it again to resume');
    this.name = 'SyncInterrupted';
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Resumes each unfinished type where it stopped; when every type finished last time (or `restart`), all start
 * over. Objects are written through the webhook apply path with `source: sync`, never over newer webhook state.
 */
export async function runSync(options: RunSyncOptions, dependencies: { stripe: Stripe; db: Db }): Promise<SyncTypeProgress[]> {
  const { db } = dependencies;
  const types = options.types ?? SYNC_OBJECT_TYPES;
  const states = await Promise.all(types.map((type) => db.syncState.findUnique({ where: { objectType: type } })));
  const startOver = options.restart === true || states.every((state) => state?.status === 'done');
  if (startOver) {
    for (const type of types) {
      const previous = states[types.indexOf(type)];
      // The last complete run's count is the best estimate Stripe's lists allow (they carry no total).
      const estimated = previous?.status === 'done' ? previous.done : null;
      const reset = { status: 'idle', cursor: null, done: 0, estimated, startedAt: null, finishedAt: null, lastError: null };
      await db.syncState.upsert({ where: { objectType: type }, create: { objectType: type, ...reset }, update: reset });
    }
  }
  const results: SyncTypeProgress[] = [];
  for (const type of types) results.push(await syncType(type, options, dependencies));
  return results;
}

async function syncType(type: SyncObjectType, options: RunSyncOptions, dependencies: { stripe: Stripe; db: Db }): Promise<SyncTypeProgress> {
  const { stripe, db } = dependencies;
  const definition = SYNC_DEFINITIONS[type];
  const state =
    (await db.syncState.findUnique({ where: { objectType: type } })) ??
    (await db.syncState.create({ data: { objectType: type, status: 'idle' } }));
  const progress: SyncTypeProgress = { type, label: definition.label, status: state.status, done: state.done, estimated: state.estimated, rate: 0, keptNewer: 0, rateLimitedWaits: 0 };
  if (state.status === 'done') return progress;

  const estimated = Math.max(state.estimated ?? 0, state.done, await readProjectionCount(type, db)) || null;
  await db.syncState.update({ where: { objectType: type }, data: { status: 'running', estimated, startedAt: state.startedAt ?? new Date(), lastError: null } });
  progress.status = 'running';
  progress.estimated = estimated;
  const segmentStart = Date.now();
  const doneAtStart = state.done;
  let cursor = state.cursor;

  const flush = async (objects: { id: string; created: number }[], readStartedAt: number) => {
    if (objects.length === 0) return;
    const writes = await writeSyncedObjects({ type, objects, readStartedAt }, db);
    const last = objects.at(-1)!;
    cursor = definition.cursorOf?.(last) ?? last.id;
    progress.done += objects.length;
    progress.keptNewer += writes.filter((write) => write.outcome === 'stale').length;
    progress.estimated = Math.max(progress.estimated ?? 0, progress.done);
    progress.rate = (progress.done - doneAtStart) / Math.max((Date.now() - segmentStart) / 1000, 0.001);
    await db.syncState.update({ where: { objectType: type }, data: { cursor, done: progress.done, estimated: progress.estimated } });
    options.onProgress?.({ ...progress });
    if (options.signal?.aborted) throw new SyncInterrupted();
  };

  // From the stored cursor on; after a 429 the whole call runs again from wherever the cursor got to.
  // A page is written while the next one is fetched; pages are still written (and the cursor moved) in order.
  const importFromCursor = async () => {
    let batch: { id: string; created: number }[] = [];
    let readStartedAt = nowSeconds();
    let writing: Promise<void> = Promise.resolve();
    const writeAfterPrevious = async (objects: typeof batch, startedAt: number) => {
      await writing;
      writing = flush(objects, startedAt);
      // Awaited at the next page or the end; handled here too so a failure while fetching leaves no unhandled rejection.
      writing.catch(() => {});
    };
    try {
      for await (const object of definition.list(stripe, { limit: SYNC_PAGE_SIZE, ...(cursor ? { starting_after: cursor } : {}) })) {
        batch.push(object);
        if (batch.length === SYNC_PAGE_SIZE) {
          await writeAfterPrevious(batch, readStartedAt);
          batch = [];
          readStartedAt = nowSeconds();
        }
      }
      await writeAfterPrevious(batch, readStartedAt);
      await writing;
    } catch (error) {
      // A retry after a 429 starts from the cursor, so the page being written must have finished first.
      await writing.catch(() => {});
      throw error;
    }
  };

  try {
    await withRateLimitBackoff(importFromCursor, {
      baseMs: options.backoffBaseMs,
      maxAttempts: 20,
      signal: options.signal,
      onRateLimited: () => {
        progress.rateLimitedWaits += 1;
      },
    });
  } catch (error) {
    if (!(error instanceof SyncInterrupted)) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db.syncState.update({ where: { objectType: type }, data: { status: 'failed', lastError } });
    }
    throw error;
  }
  await db.syncState.update({ where: { objectType: type }, data: { status: 'done', estimated: progress.done, finishedAt: new Date() } });
  return { ...progress, status: 'done', estimated: progress.done };
}
