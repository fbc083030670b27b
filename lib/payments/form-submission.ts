// One form submission = one idempotency key: how every money-moving payment action keys Stripe and its audit entry.
import 'server-only';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';

export type PaymentAction = 'create-payment-intent' | 'confirm-payment-intent' | 'capture-payment-intent' | 'cancel-payment-intent' | 'create-refund';

/** The nonce is minted per form render, the actor keeps two users' forms apart. */
export function idempotencyKeyFor(action: PaymentAction, actor: SessionUser, nonce: string): string {
  return `${action}:${actor.id}:${nonce}`;
}

/**
 * True when this submission already went through (its audit entry exists): a double-click or retry. The caller
 * then skips its state checks, which the first submission changed, and replays the same request so Stripe answers
 * with the object it made the first time.
 */
export async function isReplayedSubmission(action: PaymentAction, idempotencyKey: string, db: Pick<Db, 'auditEntry'>): Promise<boolean> {
  const entry = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { id: true } });
  return entry !== null;
}
