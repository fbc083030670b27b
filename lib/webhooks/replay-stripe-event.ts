// Re-applies a stored event to the projection (idempotent: the out-of-order guard skips what is already newer) and audits it.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, driverSql, type Db } from '@/lib/db/client';
import { prismaSqlRunner } from '@/lib/db/sql-runner';
import { applyStripeEvent, readCurrentOnTies } from './apply-stripe-event';
import type { ProjectionOutcome } from './projection-result';

export interface ReplayStripeEventOptions {
  eventId: string;
  actor: Pick<SessionUser, 'id' | 'email' | 'role'>;
}

/** The stored payload was verified when it arrived, so it is trusted as it is; no signature is checked again. */
export async function replayStripeEvent(options: ReplayStripeEventOptions, db: Db = defaultDb, stripe?: Stripe): Promise<ProjectionOutcome> {
  const stored = await db.stripeEvent.findUnique({ where: { id: options.eventId } });
  if (!stored) throw new ActionError('not_found', 'This event is not in the event store.');
  const event = JSON.parse(stored.payload) as Stripe.Event;
  // As on first delivery: a same-second tie is settled by Stripe's current state, read before the transaction.
  const [current] = await readCurrentOnTies([event], { sql: await driverSql(db), stripe });
  return db.$transaction(async (tx) => {
    // The ORM too (the event's row, the audit entry), so this one goes through Prisma's transaction.
    const result = await applyStripeEvent(event, prismaSqlRunner(tx), current);
    await tx.stripeEvent.update({
      where: { id: stored.id },
      data: { processingResult: result.outcome, processingError: result.note ?? null, appliedAt: new Date(), replayCount: { increment: 1 } },
    });
    await recordAuditEntry(
      { actor: options.actor, action: 'replay-stripe-event', objectId: stored.objectId ?? undefined, detail: { eventId: stored.id, type: stored.type, outcome: result.outcome } },
      tx,
    );
    return result.outcome;
  });
}
