// Stores a verified event once and applies it to the projection in the same transaction.
import 'server-only';
import type Stripe from 'stripe';
import { driverSql, inDriverTransaction, Prisma, type Db } from '@/lib/db/client';
import type { SqlRunner } from '@/lib/db/sql-runner';
import { applyStripeEvents, familyOf, IGNORED, readCurrentOnTies, type CurrentObject } from './apply-stripe-event';
import { createGroupCommit } from './group-commit';
import type { ProjectionOutcome, ProjectionResult } from './projection-result';

export type RecordOutcome = ProjectionOutcome | 'duplicate';

export interface RecordStripeEventOptions {
  event: Stripe.Event;
  /** the body exactly as it was signed */
  payload: string;
  /** `verified` for a signed delivery; `fetched` for an event read from Stripe's API with our key (missed-event check) */
  signatureResult?: 'verified' | 'fetched';
}

const ERROR_MAX = 1000;
const EVENTS_PER_TRANSACTION_MAX = 50;
// A lone event whose transaction lost a PostgreSQL deadlock to another writer is tried again (every write is an
// upsert or ON CONFLICT insert, so a unique violation cannot come from a concurrent writer).
const CONCURRENT_WRITE_RETRIES = 2;

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
  /** reads an object again when two events of the same second cannot be ordered */
  stripe: Stripe | undefined;
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
  return groupCommitFor(db)({ event, row, stripe });
}

const groupCommits = new WeakMap<Db, (pending: PendingEvent) => Promise<RecordOutcome>>();

function groupCommitFor(db: Db): (pending: PendingEvent) => Promise<RecordOutcome> {
  let write = groupCommits.get(db);
  if (!write) {
    write = createGroupCommit<PendingEvent, RecordOutcome>({
      maxBatch: EVENTS_PER_TRANSACTION_MAX,
      writeBatch: async (batch) => {
        const currents = await readTies(batch, db);
        return inDriverTransaction(db, (sql) => storeAndApply(batch, currents, sql));
      },
      writeOne: (pending) => storeAndApplyAlone(pending, db),
    });
    groupCommits.set(db, write);
  }
  return write;
}

/** Outside the transaction, so no lock is held while Stripe answers; a failed read fails the event (a 5xx, and Stripe retries). */
async function readTies(batch: PendingEvent[], db: Db): Promise<(CurrentObject | undefined)[]> {
  const stripe = batch.find((pending) => pending.stripe)?.stripe;
  const currents = await readCurrentOnTies(batch.map((pending) => pending.event), { sql: await driverSql(db), stripe });
  return currents.map((current, index) => (batch[index]!.stripe ? current : undefined));
}

const isDeadlock = (error: unknown) => error instanceof Error && /deadlock detected/i.test(error.message);

async function storeAndApplyAlone(pending: PendingEvent, db: Db): Promise<RecordOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const currents = await readTies([pending], db);
      const [outcome] = await inDriverTransaction(db, (sql) => storeAndApply([pending], currents, sql));
      return outcome!;
    } catch (error) {
      if (isDeadlock(error) && attempt < CONCURRENT_WRITE_RETRIES) continue;
      await noteFailure(pending.row, error, db);
      throw error;
    }
  }
}

const APPLIED: ProjectionResult = { outcome: 'applied' };
const sameResult = (a: ProjectionResult, b: ProjectionResult) => a.outcome === b.outcome && (a.note ?? null) === (b.note ?? null);

/**
 * The first statement claims the batch's events: it inserts the new ones and takes over those whose earlier
 * processing failed, and what it returns is what this transaction applies (the rest are duplicates; a concurrent
 * delivery of the same event waits on the row and then finds it claimed). Events are stored as applied and the few that were not are corrected after applying. Every statement
 * goes straight to the driver (lib/db/sql-runner.ts says why).
 */
async function storeAndApply(batch: PendingEvent[], currents: (CurrentObject | undefined)[], sql: SqlRunner): Promise<RecordOutcome[]> {
  const firstOfEach = new Map<string, number>();
  batch.forEach((pending, index) => firstOfEach.has(pending.event.id) || firstOfEach.set(pending.event.id, index));
  const appliedAt = new Date();
  const expected = batch.map(({ event }): ProjectionResult => (familyOf(event).family === 'ignored' ? IGNORED : APPLIED));
  // In id order, so concurrent batches lock the same events in the same order.
  const rows = [...firstOfEach.values()]
    .sort((a, b) => (batch[a]!.event.id < batch[b]!.event.id ? -1 : 1))
    .map((index) => {
      const { row } = batch[index]!;
      const { outcome, note } = expected[index]!;
      return Prisma.sql`(${row.id}, ${row.type}, ${row.objectId}, ${row.objectType}, ${row.apiVersion}, ${row.created}, ${appliedAt}, ${row.payload}, ${row.signatureResult}, ${outcome}, ${note ?? null}, ${appliedAt}, 0)`;
    });
  const claimed = await sql.query<{ id: string }>(Prisma.sql`
    INSERT INTO "StripeEvent" ("id", "type", "objectId", "objectType", "apiVersion", "created", "receivedAt", "payload", "signatureResult", "processingResult", "processingError", "appliedAt", "replayCount")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("id") DO UPDATE SET "processingResult" = excluded."processingResult", "processingError" = excluded."processingError", "appliedAt" = excluded."appliedAt"
    WHERE "StripeEvent"."processingResult" = 'failed'
    RETURNING "id"`);
  const claimedIds = new Set(claimed.map(({ id }) => id));
  const toApply = [...firstOfEach.values()].filter((index) => claimedIds.has(batch[index]!.event.id)).sort((a, b) => a - b);
  const results = await applyStripeEvents(
    toApply.map((index) => ({ event: batch[index]!.event, current: currents[index] })),
    sql,
  );
  const outcomes: RecordOutcome[] = batch.map(() => 'duplicate');
  const corrections: { id: string; result: ProjectionResult }[] = [];
  toApply.forEach((index, position) => {
    const result = results[position]!;
    outcomes[index] = result.outcome;
    if (!sameResult(result, expected[index]!)) corrections.push({ id: batch[index]!.event.id, result });
  });
  if (corrections.length > 0) {
    const caseOf = (value: (result: ProjectionResult) => string | null) =>
      Prisma.sql`CASE "id" ${Prisma.join(corrections.map(({ id, result }) => Prisma.sql`WHEN ${id} THEN ${value(result)}`), ' ')} END`;
    await sql.execute(Prisma.sql`
      UPDATE "StripeEvent" SET "processingResult" = ${caseOf((result) => result.outcome)}, "processingError" = ${caseOf((result) => result.note ?? null)}
      WHERE "id" IN (${Prisma.join(corrections.map(({ id }) => id))})`);
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
