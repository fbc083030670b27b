// One submitted dispute form = one idempotency key, per dispute: how dispute actions key Stripe and their audit entry.
import 'server-only';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';

export type DisputeAction = 'stage-dispute-evidence' | 'submit-dispute-evidence' | 'accept-dispute-loss' | 'upload-dispute-evidence-file';

/** The nonce is minted per form render; the dispute id keeps one form's key from ever reaching another dispute. */
export function disputeIdempotencyKey(action: DisputeAction, disputeId: string, actor: SessionUser, nonce: string): string {
  return `${action}:${disputeId}:${actor.id}:${nonce}`;
}

/** True when this very submission went through before (its audit entry exists): a double-click or a retry. */
export async function isReplayedDisputeSubmission(action: DisputeAction, idempotencyKey: string, db: Pick<Db, 'auditEntry'>): Promise<boolean> {
  const entry = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { id: true } });
  return entry !== null;
}
