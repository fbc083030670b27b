// Writes one audit entry: who did what to which Stripe object, with the request id and idempotency key.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import type { Role } from '@/lib/auth/permissions';
import { isUniqueViolation } from '@/lib/db/unique-violation';

export interface RecordAuditEntryOptions {
  actor: { id: string; email: string; role: Role };
  /** verb-noun, e.g. "create-customer" */
  action: string;
  objectId?: string;
  amount?: number;
  currency?: string;
  stripeRequestId?: string;
  idempotencyKey?: string;
  /** what was asked, small and free of secrets */
  detail?: Record<string, unknown>;
}

type AuditDb = Pick<Db, 'auditEntry'>;

const DETAIL_MAX = 2000;

/** Idempotent per (action, idempotencyKey): a replayed request leaves the first entry as it is. */
export async function recordAuditEntry(options: RecordAuditEntryOptions, db: AuditDb = defaultDb): Promise<void> {
  const data = {
    actorId: options.actor.id,
    actorEmail: options.actor.email,
    actorRole: options.actor.role,
    action: options.action,
    objectId: options.objectId ?? null,
    amount: options.amount ?? null,
    currency: options.currency ?? null,
    stripeRequestId: options.stripeRequestId ?? null,
    idempotencyKey: options.idempotencyKey ?? null,
    detail: options.detail ? JSON.stringify(options.detail).slice(0, DETAIL_MAX) : null,
  };
  if (data.idempotencyKey === null) {
    await db.auditEntry.create({ data });
    return;
  }
  try {
    await db.auditEntry.create({ data });
  } catch (error) {
    // Two retries of one submission racing (two tabs, a lost response): the first entry stands.
    if (!isUniqueViolation(error)) throw error;
  }
}
