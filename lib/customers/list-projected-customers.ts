// Lists customers from the local projection (newest first, keyset pages); null while the projection is empty.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { CustomerView } from './customer-view';

export interface CustomerListItem extends CustomerView {
  /** shown from a create call's own response; no webhook has confirmed it yet */
  isAwaitingWebhook: boolean;
}

export interface ProjectedCustomerPage {
  customers: CustomerListItem[];
  nextCursor: string | null;
  previousCursor: string | null;
}

interface Options {
  email?: string;
  startingAfter?: string;
  endingBefore?: string;
  limit: number;
}

type Row = { id: string; email: string | null; name: string | null; phone: string | null; created: number; source: string; raw: string };

function toItem(row: Row): CustomerListItem {
  const { metadata } = JSON.parse(row.raw) as { metadata?: Record<string, string> };
  return { id: row.id, email: row.email, name: row.name, phone: row.phone, created: row.created, metadata: { ...metadata }, isAwaitingWebhook: row.source === 'api_response' };
}

export async function listProjectedCustomers(options: Options, db: Pick<Db, 'stripeCustomer'>): Promise<ProjectedCustomerPage | null> {
  const live = { isDeleted: false };
  if (!(await db.stripeCustomer.findFirst({ where: live, select: { id: true } }))) return null;
  const isGoingBack = Boolean(options.endingBefore) && !options.startingAfter;
  const cursorId = isGoingBack ? options.endingBefore : options.startingAfter;
  const cursor = cursorId ? await db.stripeCustomer.findUnique({ where: { id: cursorId }, select: { id: true, created: true } }) : null;
  // Same order as Stripe's list (created, then id, both descending), so the pages read alike.
  const beyond = cursor
    ? isGoingBack
      ? { OR: [{ created: { gt: cursor.created } }, { created: cursor.created, id: { gt: cursor.id } }] }
      : { OR: [{ created: { lt: cursor.created } }, { created: cursor.created, id: { lt: cursor.id } }] }
    : {};
  const direction = isGoingBack ? 'asc' : 'desc';
  const rows = await db.stripeCustomer.findMany({
    where: { ...live, ...(options.email ? { email: options.email } : {}), ...beyond },
    orderBy: [{ created: direction }, { id: direction }],
    take: options.limit + 1,
    select: { id: true, email: true, name: true, phone: true, created: true, source: true, raw: true },
  });
  const hasMore = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  if (isGoingBack) page.reverse();
  const customers = page.map(toItem);
  const hasNewer = isGoingBack ? hasMore : Boolean(cursor);
  const hasOlder = isGoingBack ? true : hasMore;
  return { customers, nextCursor: hasOlder ? (customers.at(-1)?.id ?? null) : null, previousCursor: hasNewer ? (customers[0]?.id ?? null) : null };
}
