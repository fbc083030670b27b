// Reads the audit log newest first, a page at a time (keyset pagination on createdAt, id).
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  actorEmail: string;
  actorRole: string;
  action: string;
  objectId: string | null;
  amount: number | null;
  currency: string | null;
  stripeRequestId: string | null;
  idempotencyKey: string | null;
  detail: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** pass as `before` for the next (older) page */
  nextCursor: string | null;
}

export async function listAuditEntries(options: { before?: string; limit?: number } = {}, db: Pick<Db, 'auditEntry'> = defaultDb): Promise<AuditPage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const rows = await db.auditEntry.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
    select: {
      id: true,
      createdAt: true,
      actorEmail: true,
      actorRole: true,
      action: true,
      objectId: true,
      amount: true,
      currency: true,
      stripeRequestId: true,
      idempotencyKey: true,
      detail: true,
    },
  });
  const entries = rows.slice(0, limit);
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}
