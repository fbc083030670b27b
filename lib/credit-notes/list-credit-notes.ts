// Lists credit notes from the projection (webhook-confirmed), newest first, by status; keyset pages.
import 'server-only';
import { z } from 'zod';
import type { Db, Prisma } from '@/lib/db/client';
import { CREDIT_NOTE_STATUS_LABELS } from './credit-note-input';

export const creditNoteListFilterSchema = z.object({
  status: z.enum(Object.keys(CREDIT_NOTE_STATUS_LABELS) as [string, ...string[]]).optional().catch(undefined),
  after: z.string().regex(/^cn_[A-Za-z0-9_]+$/).optional().catch(undefined),
});
export type CreditNoteListFilter = z.infer<typeof creditNoteListFilterSchema>;

export interface CreditNoteListItem {
  id: string;
  number: string;
  status: string;
  total: number;
  currency: string;
  type: string;
  reason: string | null;
  invoiceId: string;
  customer: { id: string; label: string } | null;
  created: number;
}

const PAGE_SIZE = 25;

export async function listCreditNotes(filter: CreditNoteListFilter, db: Pick<Db, 'stripeCreditNote' | 'stripeCustomer'>): Promise<{ creditNotes: CreditNoteListItem[]; nextCursor: string | null }> {
  const cursor = filter.after ? await db.stripeCreditNote.findUnique({ where: { id: filter.after }, select: { id: true, created: true } }) : null;
  const where: Prisma.StripeCreditNoteWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(cursor ? { OR: [{ created: { lt: cursor.created } }, { created: cursor.created, id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.stripeCreditNote.findMany({ where, orderBy: [{ created: 'desc' }, { id: 'desc' }], take: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE);
  const customerIds = [...new Set(page.map((row) => row.customerId).filter((id): id is string => id !== null))];
  const customers = customerIds.length ? await db.stripeCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(customers.map((customer) => [customer.id, customer.email ?? customer.name ?? customer.id]));
  return {
    creditNotes: page.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      total: row.total,
      currency: row.currency,
      type: row.type,
      reason: row.reason,
      invoiceId: row.invoiceId,
      customer: row.customerId ? { id: row.customerId, label: byId.get(row.customerId) ?? row.customerId } : null,
      created: row.created,
    })),
    nextCursor: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
