// Lists invoices from the projection (webhook-confirmed), newest first, by status; keyset pages.
import 'server-only';
import { z } from 'zod';
import type { Db, Prisma } from '@/lib/db/client';
import { INVOICE_STATUS_LABELS } from './invoice-input';

export const invoiceListFilterSchema = z.object({
  status: z.enum(Object.keys(INVOICE_STATUS_LABELS) as [string, ...string[]]).optional().catch(undefined),
  after: z.string().regex(/^in_[A-Za-z0-9_]+$/).optional().catch(undefined),
});
export type InvoiceListFilter = z.infer<typeof invoiceListFilterSchema>;

export interface InvoiceListItem {
  id: string;
  number: string | null;
  status: string;
  currency: string;
  total: number;
  amountRemaining: number;
  customer: { id: string; label: string } | null;
  quoteId: string | null;
  created: number;
}

const PAGE_SIZE = 25;

export async function listInvoices(filter: InvoiceListFilter, db: Pick<Db, 'stripeInvoice' | 'stripeCustomer'>): Promise<{ invoices: InvoiceListItem[]; nextCursor: string | null }> {
  const cursor = filter.after ? await db.stripeInvoice.findUnique({ where: { id: filter.after }, select: { id: true, created: true } }) : null;
  const where: Prisma.StripeInvoiceWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(cursor ? { OR: [{ created: { lt: cursor.created } }, { created: cursor.created, id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.stripeInvoice.findMany({ where, orderBy: [{ created: 'desc' }, { id: 'desc' }], take: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE);
  const customerIds = [...new Set(page.map((row) => row.customerId).filter((id): id is string => id !== null))];
  const customers = customerIds.length ? await db.stripeCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(customers.map((customer) => [customer.id, customer.email ?? customer.name ?? customer.id]));
  return {
    invoices: page.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      currency: row.currency,
      total: row.total,
      amountRemaining: row.amountRemaining,
      customer: row.customerId ? { id: row.customerId, label: byId.get(row.customerId) ?? row.customerId } : null,
      quoteId: row.quoteId,
      created: row.created,
    })),
    nextCursor: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
