// Stores a verified event once and applies it to the projection in the same transaction.
import 'server-only';
import type Stripe from 'stripe';
import type { Db, Prisma } from '@/lib/db/client';
import { applyStripeEvent, readCurrentOnTie } from './apply-stripe-event';
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

class AlreadyRecorded extends Error {}

interface EventRow {
  type: string;
  objectId: string | null;
  objectType: string | null;
  apiVersion: string | null;
  created: number;
  payload: string;
  signatureResult: string;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
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
 * Stripe's retry applies it. When applying throws, the transaction rolls back (event and projection both),
 * the failure is noted on its own so the Events page can show it, and the error goes up for a 5xx.
 */
export async function recordStripeEvent(options: RecordStripeEventOptions, db: Db, stripe?: Stripe): Promise<RecordOutcome> {
  const { event, payload } = options;
  const row = {
    type: event.type,
    ...describeObject(event),
    apiVersion: event.api_version ?? null,
    created: event.created,
    payload,
    signatureResult: options.signatureResult ?? 'verified',
  };
  // The common case, a new event, costs no look-up first: the event's primary key tells a duplicate apart.
  let isRetryOfFailure = false;
  for (;;) {
    try {
      return await storeAndApply(event, row, isRetryOfFailure, db, stripe);
    } catch (error) {
      if (error instanceof AlreadyRecorded) return 'duplicate';
      if (isUniqueViolation(error) && !isRetryOfFailure) {
        const existing = await db.stripeEvent.findUnique({ where: { id: event.id }, select: { processingResult: true } });
        // No event row: the violation came from a projection row another delivery wrote meanwhile; fail so Stripe retries.
        if (existing && existing.processingResult !== 'failed') return 'duplicate';
        if (existing) {
          isRetryOfFailure = true;
          continue;
        }
      }
      await noteFailure(event.id, row, error, db);
      throw error;
    }
  }
}

async function storeAndApply(event: Stripe.Event, row: EventRow, isRetryOfFailure: boolean, db: Db, stripe?: Stripe): Promise<RecordOutcome> {
  // Outside the transaction, so no lock is held while Stripe answers; a failed read is a 5xx and Stripe retries.
  const current = await readCurrentOnTie(event, { db, stripe });
  const applyAndStore = async (tx: Prisma.TransactionClient): Promise<RecordOutcome> => {
    const result = await applyStripeEvent(event, tx, current);
    const outcome = { processingResult: result.outcome, processingError: result.note ?? null, appliedAt: new Date() };
    if (isRetryOfFailure) {
      // Only the delivery that turns "failed" into a result wins; a concurrent one becomes a duplicate.
      const { count } = await tx.stripeEvent.updateMany({ where: { id: event.id, processingResult: 'failed' }, data: outcome });
      if (count === 0) throw new AlreadyRecorded();
    } else {
      // Last, so a duplicate's unique violation rolls its (idempotent) projection writes back with it.
      await tx.stripeEvent.create({ data: { id: event.id, ...row, ...outcome } });
    }
    return result.outcome;
  };
  // A burst of deliveries queues for a pooled connection rather than failing after Prisma's default 2 s.
  return db.$transaction(applyAndStore, { maxWait: TRANSACTION_MAX_WAIT_MS });
}

async function noteFailure(id: string, row: EventRow, error: unknown, db: Db): Promise<void> {
  const processingError = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
  try {
    const { count } = await db.stripeEvent.updateMany({ where: { id, processingResult: 'failed' }, data: { processingError } });
    if (count === 0) await db.stripeEvent.create({ data: { id, ...row, processingResult: 'failed', processingError } });
  } catch {
    // The database itself may be what failed; the 5xx and Stripe's retry still cover the event.
  }
}
