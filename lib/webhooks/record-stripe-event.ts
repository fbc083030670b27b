// Stores a verified event once and applies it to the projection in the same transaction.
import 'server-only';
import type Stripe from 'stripe';
import { Prisma, type Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { applyStripeEvent, readCurrentOnTie, type CurrentObject } from './apply-stripe-event';
import { createGroupCommit } from './group-commit';
import type { ProjectionOutcome } from './projection-result';

export type RecordOutcome = ProjectionOutcome | 'duplicate';

export interface RecordStripeEventOptions {
  event: Stripe.Event;
  /** the body exactly as it was signed */
  payload: string;
  /** `verified` for a signed delivery; `fetched` for an event read from Stripe's API with our key (missed-event check) */
  signatureResult?: 'verified' | 'fetched';
}

const ERROR_MAX = 1000;
const TRANSACTION_MAX_WAIT_MS = 10_000;
const TRANSACTION_TIMEOUT_MS = 15_000;
const EVENTS_PER_TRANSACTION_MAX = 50;
// Measured on both engines: two batches in flight beat one (the next transaction is ready when one commits) and
// four (smaller batches, more conflicts between them); SQLite's driver runs the two one after the other anyway.
const TRANSACTIONS_IN_FLIGHT = 2;
// Another writer (the other batch in flight, or another process) stored the same event or projection row between our read and our write.
const CONCURRENT_WRITE_RETRIES = 2;

class ConcurrentWrite extends Error {}

interface EventRow {
  id: string;
  type: string;
  objectId: string | null;
  objectType: string | null;
  apiVersion: string | null;
  created: number;
  payload: string;
  signatureResult: string;
}

interface PendingEvent {
  event: Stripe.Event;
  row: EventRow;
  current: CurrentObject | undefined;
}

function describeObject(event: Stripe.Event): { objectId: string | null; objectType: string | null } {
  const object: Record<string, unknown> = event.data.object as unknown as Record<string, unknown>;
  return {
    objectId: typeof object.id === 'string' ? object.id : null,
    objectType: typeof object.object === 'string' ? object.object : null,
  };
}

/**
 * A duplicate delivery changes nothing. An event whose earlier processing failed is not a duplicate:
 * Stripe's retry applies it. Concurrent deliveries share one transaction (group commit); each caller's promise
 * settles after that commit. When applying throws, the transaction rolls back (events and projection alike),
 * each event of the batch is written again alone, and only the failing one is noted as failed and rejects, for a 5xx.
 */
export async function recordStripeEvent(options: RecordStripeEventOptions, db: Db, stripe?: Stripe): Promise<RecordOutcome> {
  const { event, payload } = options;
  const row: EventRow = {
    id: event.id,
    type: event.type,
    ...describeObject(event),
    apiVersion: event.api_version ?? null,
    created: event.created,
    payload,
    signatureResult: options.signatureResult ?? 'verified',
  };
  // Outside the transaction, so no lock is held while Stripe answers; a failed read is a 5xx and Stripe retries.
  let current: CurrentObject | undefined;
  try {
    current = await readCurrentOnTie(event, { db, stripe });
  } catch (error) {
    await noteFailure(row, error, db);
    throw error;
  }
  return groupCommitFor(db)({ event, row, current });
}

const groupCommits = new WeakMap<Db, (pending: PendingEvent) => Promise<RecordOutcome>>();

function groupCommitFor(db: Db): (pending: PendingEvent) => Promise<RecordOutcome> {
  let write = groupCommits.get(db);
  if (!write) {
    write = createGroupCommit<PendingEvent, RecordOutcome>({
      maxBatch: EVENTS_PER_TRANSACTION_MAX,
      maxConcurrentBatches: TRANSACTIONS_IN_FLIGHT,
      writeBatch: (batch) => inTransaction(db, (tx) => storeAndApply(batch, tx)),
      writeOne: (pending) => storeAndApplyAlone(pending, db),
    });
    groupCommits.set(db, write);
  }
  return write;
}

function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  // A burst of deliveries queues for a pooled connection rather than failing after Prisma's default 2 s.
  return db.$transaction(work, { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS });
}

async function storeAndApplyAlone(pending: PendingEvent, db: Db): Promise<RecordOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const [outcome] = await inTransaction(db, (tx) => storeAndApply([pending], tx));
      return outcome!;
    } catch (error) {
      // The next attempt's reads see what the other writer stored (the event: a duplicate; a projection row: an update).
      if ((error instanceof ConcurrentWrite || isUniqueViolation(error)) && attempt < CONCURRENT_WRITE_RETRIES) continue;
      await noteFailure(pending.row, error, db);
      throw error;
    }
  }
}

/**
 * One read tells which events are already stored; then each is applied in arrival order, and the new events' rows
 * are written with one statement. Raw statements for the event rows: each ORM call costs a query compilation
 * (0.3–1 ms here), a raw one does not.
 */
async function storeAndApply(batch: PendingEvent[], tx: Prisma.TransactionClient): Promise<RecordOutcome[]> {
  const ids = [...new Set(batch.map((pending) => pending.event.id))];
  const stored = await tx.$queryRaw<{ id: string; processingResult: string }[]>`
    SELECT "id", "processingResult" FROM "StripeEvent" WHERE "id" IN (${Prisma.join(ids)})`;
  const resultOf = new Map(stored.map((event) => [event.id, event.processingResult]));
  const outcomes: RecordOutcome[] = [];
  const newRows: Prisma.Sql[] = [];
  for (const { event, row, current } of batch) {
    const earlier = resultOf.get(event.id);
    if (earlier !== undefined && earlier !== 'failed') {
      outcomes.push('duplicate');
      continue;
    }
    const result = await applyStripeEvent(event, tx, current);
    const processingError = result.note ?? null;
    const appliedAt = new Date();
    if (earlier === 'failed') {
      // Only the delivery that turns "failed" into a result wins; the losing one's writes roll back.
      const updated = await tx.$executeRaw`
        UPDATE "StripeEvent" SET "processingResult" = ${result.outcome}, "processingError" = ${processingError}, "appliedAt" = ${appliedAt}
        WHERE "id" = ${row.id} AND "processingResult" = 'failed'`;
      if (updated === 0) throw new ConcurrentWrite(`event ${row.id} was applied by another delivery meanwhile`);
    } else {
      newRows.push(Prisma.sql`(${row.id}, ${row.type}, ${row.objectId}, ${row.objectType}, ${row.apiVersion}, ${row.created}, ${appliedAt}, ${row.payload}, ${row.signatureResult}, ${result.outcome}, ${processingError}, ${appliedAt}, 0)`);
    }
    resultOf.set(event.id, result.outcome);
    outcomes.push(result.outcome);
  }
  if (newRows.length > 0) {
    const inserted = await tx.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type", "objectId", "objectType", "apiVersion", "created", "receivedAt", "payload", "signatureResult", "processingResult", "processingError", "appliedAt", "replayCount")
      VALUES ${Prisma.join(newRows)}
      ON CONFLICT ("id") DO NOTHING`;
    // Fewer rows than events: another delivery stored one of them meanwhile, and only it wins; this batch rolls back.
    if (inserted !== newRows.length) throw new ConcurrentWrite('an event of this batch was stored by another delivery meanwhile');
  }
  return outcomes;
}

async function noteFailure(row: EventRow, error: unknown, db: Db): Promise<void> {
  const processingError = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
  const { id, ...columns } = row;
  try {
    const { count } = await db.stripeEvent.updateMany({ where: { id, processingResult: 'failed' }, data: { processingError } });
    if (count === 0) await db.stripeEvent.create({ data: { id, ...columns, processingResult: 'failed', processingError } });
  } catch {
    // The database itself may be what failed, or the event is stored after all; the 5xx and Stripe's retry still cover it.
  }
}
