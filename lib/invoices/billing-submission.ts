// One submitted billing form = one idempotency key, per object: how quote, invoice and credit-note actions key Stripe
// and their audit entry.
import 'server-only';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';

export type BillingAction =
  | 'create-quote'
  | 'finalize-quote'
  | 'accept-quote'
  | 'cancel-quote'
  | 'finalize-invoice'
  | 'pay-invoice'
  | 'create-credit-note'
  | 'void-credit-note';

/** The nonce is minted per form render; the object id keeps one form's key from ever reaching another object. */
export function billingIdempotencyKey(action: BillingAction, objectId: string, actor: SessionUser, nonce: string): string {
  return `${action}:${objectId}:${actor.id}:${nonce}`;
}

/** True when this very submission went through before (its audit entry exists): a double-click or a retry. */
export async function isReplayedBillingSubmission(action: BillingAction, idempotencyKey: string, db: Pick<Db, 'auditEntry'>): Promise<boolean> {
  const entry = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { id: true } });
  return entry !== null;
}
