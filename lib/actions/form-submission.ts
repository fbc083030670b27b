// One submitted form = one idempotency key: how every state-changing action keys its Stripe call and its audit entry.
import 'server-only';
import type { SessionUser } from '@/lib/auth/require-role';
import type { Db } from '@/lib/db/client';

export interface SubmissionKeyParts {
  action: string;
  actor: SessionUser;
  /** minted per form render: a double-click or a retry sends the same one */
  nonce: string;
  /** the object the form acts on, so one form's key can never reach another object */
  objectId?: string;
}

export function submissionIdempotencyKey({ action, actor, nonce, objectId }: SubmissionKeyParts): string {
  return objectId === undefined ? `${action}:${actor.id}:${nonce}` : `${action}:${objectId}:${actor.id}:${nonce}`;
}

/**
 * True when this very submission went through before (its audit entry exists): a double-click or a retry. The caller
 * then skips its state checks, which the first submission changed, and replays the same request so Stripe answers
 * with the object it made the first time.
 */
export async function isReplayedSubmission(action: string, idempotencyKey: string, db: Pick<Db, 'auditEntry'>): Promise<boolean> {
  const entry = await db.auditEntry.findUnique({ where: { action_idempotencyKey: { action, idempotencyKey } }, select: { id: true } });
  return entry !== null;
}
