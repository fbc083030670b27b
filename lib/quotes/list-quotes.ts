// Lists quotes from the projection (webhook-confirmed), newest first, by status; keyset pages.
import 'server-only';
import { z } from 'zod';
import type { Db, Prisma } from '@/lib/db/client';
import { QUOTE_STATUS_LABELS } from './quote-view';

export const quoteListFilterSchema = z.object({
  status: z.enum(Object.keys(QUOTE_STATUS_LABELS) as [string, ...string[]]).optional().catch(undefined),
  after: z.string().regex(/^qt_[A-Za-z0-9_]+$/).optional().catch(undefined),
});
export type QuoteListFilter = z.infer<typeof quoteListFilterSchema>;

export interface QuoteListItem {
  id: string;
  status: string;
  number: string | null;
  amountTotal: number;
  currency: string | null;
  customer: { id: string; label: string } | null;
  expiresAt: number | null;
  invoiceId: string | null;
  subscriptionId: string | null;
  created: number;
}

const PAGE_SIZE = 25;

export async function listQuotes(filter: QuoteListFilter, db: Pick<Db, 'stripeQuote' | 'stripeCustomer'>): Promise<{ quotes: QuoteListItem[]; nextCursor: string | null }> {
  const cursor = filter.after ? await db.stripeQuote.findUnique({ where: { id: filter.after }, select: { id: true, created: true } }) : null;
  const where: Prisma.StripeQuoteWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(cursor ? { OR: [{ created: { lt: cursor.created } }, { created: cursor.created, id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.stripeQuote.findMany({ where, orderBy: [{ created: 'desc' }, { id: 'desc' }], take: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE);
  const customerIds = [...new Set(page.map((row) => row.customerId).filter((id): id is string => id !== null))];
  const customers = customerIds.length ? await db.stripeCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(customers.map((customer) => [customer.id, customer.email ?? customer.name ?? customer.id]));
  return {
    quotes: page.map((row) => ({
      id: row.id,
      status: row.status,
      number: row.number,
      amountTotal: row.amountTotal,
      currency: row.currency,
      customer: row.customerId ? { id: row.customerId, label: byId.get(row.customerId) ?? row.customerId } : null,
      expiresAt: row.expiresAt,
      invoiceId: row.invoiceId,
      subscriptionId: row.subscriptionId,
      created: row.created,
    })),
    nextCursor: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
