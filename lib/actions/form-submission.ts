// One submitted form = one idempotency key: how every state-changing action keys its Stripe call and its audit entry.
import 'server-only';
import type Stripe from 'stripe';
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

/**
 * True when Stripe already ran this submission's request but its answer was lost on the way back (so no audit entry
 * was written): one of the request's events names its idempotency key. The caller's state check would refuse it, as
 * the request itself moved the object on; instead the same request is sent again and Stripe answers with its stored
 * result. Asked only on that refusal path: it lists the object's events of `types` since `since` (its `created`).
 */
export async function isLostAnswerSubmission(stripe: Stripe, options: { idempotencyKey: string; types: string[]; since: number }): Promise<boolean> {
  for await (const event of stripe.events.list({ types: options.types, created: { gte: options.since }, limit: 100 })) {
    if (event.request?.idempotency_key === options.idempotencyKey) return true;
  }
  return false;
}
