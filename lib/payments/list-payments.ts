// Lists payments from the local projection a page at a time: newest first, keyset cursors on (created, id), every
// filter served by an index that leads into that order, and no count over the table.
import 'server-only';
import type { Db, Prisma } from '@/lib/db/client';
import type { PaymentListFilter, PaymentStatus } from './list-payments-filter';

export type ListPaymentsDb = Pick<Db, 'stripePaymentIntent' | 'stripeCustomer' | 'stripeDispute' | '$queryRaw'>;

export interface PaymentListItem {
  id: string;
  status: PaymentStatus;
  amount: number;
  amountReceived: number;
  amountRefunded: number;
  currency: string;
  description: string | null;
  customer: { id: string; email: string | null; name: string | null } | null;
  /** Unix seconds */
  created: number;
  isDisputed: boolean;
  /** shown from an action's own Stripe response; no webhook has confirmed it yet */
  isAwaitingWebhook: boolean;
}

export interface PaymentPage {
  payments: PaymentListItem[];
  /** pass as `after` for the next (older) page */
  nextCursor: string | null;
  /** pass as `before` for the previous (newer) page */
  previousCursor: string | null;
}

/** A position in the list's order. */
export interface ListPosition {
  created: number;
  id: string;
}

const ROW_SELECT = {
  id: true,
  status: true,
  amount: true,
  amountReceived: true,
  amountRefunded: true,
  currency: true,
  description: true,
  customerId: true,
  created: true,
  isDisputed: true,
  source: true,
} satisfies Prisma.StripePaymentIntentSelect;

export type PaymentRow = Prisma.StripePaymentIntentGetPayload<{ select: typeof ROW_SELECT }>;

const CUSTOMER_MATCH_LIMIT = 100;

/** The customer filter as customer ids: a cus_ id as it is, an email exactly, anything else as part of a name. */
async function customerIdsFor(customer: string, db: ListPaymentsDb): Promise<string[]> {
  if (/^cus_[A-Za-z0-9]+$/.test(customer)) return [customer];
  if (customer.includes('@')) {
    const found = await db.stripeCustomer.findMany({ where: { email: { in: [...new Set([customer, customer.toLowerCase()])] } }, select: { id: true }, take: CUSTOMER_MATCH_LIMIT });
    return found.map((row) => row.id);
  }
  // Part of a name in any case, alike on both engines (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
  const pattern = `%${customer.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const found = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "StripeCustomer" WHERE LOWER(name) LIKE ${pattern} ESCAPE '\\' LIMIT ${CUSTOMER_MATCH_LIMIT}`;
  return found.map((row) => row.id);
}

/** The WHERE for a filter, without cursor; null when the filter can match nothing (an unknown customer). */
export async function paymentFilterWhere(filter: PaymentListFilter, db: ListPaymentsDb): Promise<Prisma.StripePaymentIntentWhereInput | null> {
  const where: Prisma.StripePaymentIntentWhereInput = {};
  if (filter.status) where.status = filter.status;
  if (filter.currency) where.currency = filter.currency;
  if (filter.customer) {
    const ids = await customerIdsFor(filter.customer, db);
    if (ids.length === 0) return null;
    where.customerId = ids.length === 1 ? ids[0] : { in: ids };
  }
  if (filter.createdFrom !== undefined || filter.createdBefore !== undefined) {
    where.created = { gte: filter.createdFrom, lt: filter.createdBefore };
  }
  if (filter.amountMin !== undefined || filter.amountMax !== undefined) {
    where.amount = { gte: filter.amountMin, lte: filter.amountMax };
  }
  const terms = filter.searchTerms ?? [];
  // An id is looked up by its own index rather than by scanning the search text.
  const idTerm = terms.length === 1 ? terms[0]! : undefined;
  if (idTerm && /^pi_[A-Za-z0-9]+$/.test(idTerm)) where.id = idTerm;
  else if (idTerm && /^(ch|py)_[A-Za-z0-9]+$/.test(idTerm)) where.latestChargeId = idTerm;
  // The search text is stored lowercase, so lowercase terms match in either engine (LIKE is case-sensitive in PostgreSQL).
  else if (terms.length > 0) where.AND = terms.map((term) => ({ searchText: { contains: term.toLowerCase() } }));
  return where;
}

/**
 * Rows strictly after (older than) or before (newer than) `position` in the list's order. The outer bound on
 * `created` alone is what lets PostgreSQL start its index scan at the cursor; the OR only settles ties.
 */
function beyond(position: ListPosition, direction: 'older' | 'newer'): Prisma.StripePaymentIntentWhereInput {
  const [strict, inclusive] = direction === 'older' ? (['lt', 'lte'] as const) : (['gt', 'gte'] as const);
  return {
    created: { [inclusive]: position.created },
    OR: [{ created: { [strict]: position.created } }, { id: { [strict]: position.id } }],
  };
}

/** One batch of matching rows in list order (newest first), after `position` when given. */
export async function findPaymentRows(
  where: Prisma.StripePaymentIntentWhereInput,
  options: { after?: ListPosition; before?: ListPosition; take: number },
  db: ListPaymentsDb,
): Promise<PaymentRow[]> {
  const isGoingBack = Boolean(options.before) && !options.after;
  const position = isGoingBack ? options.before : options.after;
  const direction = isGoingBack ? 'asc' : 'desc';
  const query = {
    where: position ? { AND: [where, beyond(position, isGoingBack ? 'newer' : 'older')] } : where,
    orderBy: [{ created: direction }, { id: direction }],
    take: options.take,
  } satisfies Prisma.StripePaymentIntentFindManyArgs;
  let rows: PaymentRow[];
  if (isAnsweredByIndex(where)) {
    // Ids first: (created, id, searchText) or (currency, amount, status, created, id) answers that from the index
    // alone, without reading every row it passes; then the page's rows by id.
    const ids = (await db.stripePaymentIntent.findMany({ ...query, select: { id: true } })).map((row) => row.id);
    const byId = new Map((await db.stripePaymentIntent.findMany({ where: { id: { in: ids } }, select: ROW_SELECT })).map((row) => [row.id, row]));
    rows = ids.map((id) => byId.get(id)).filter((row): row is PaymentRow => row !== undefined);
  } else {
    rows = await db.stripePaymentIntent.findMany({ ...query, select: ROW_SELECT });
  }
  return isGoingBack ? rows.reverse() : rows;
}

const isAnsweredByIndex = (where: Prisma.StripePaymentIntentWhereInput): boolean =>
  where.amount !== undefined || (Array.isArray(where.AND) && where.AND.some((term) => 'searchText' in term));

/** Customers and disputes for a batch of rows, in two indexed queries. */
export async function toListItems(rows: PaymentRow[], db: ListPaymentsDb): Promise<PaymentListItem[]> {
  const customerIds = [...new Set(rows.map((row) => row.customerId).filter((id): id is string => id !== null))];
  const intentIds = rows.filter((row) => !row.isDisputed).map((row) => row.id);
  const [customers, disputes] = await Promise.all([
    customerIds.length > 0 ? db.stripeCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true, name: true } }) : [],
    intentIds.length > 0 ? db.stripeDispute.findMany({ where: { paymentIntentId: { in: intentIds } }, select: { paymentIntentId: true } }) : [],
  ]);
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  const disputed = new Set(disputes.map((dispute) => dispute.paymentIntentId));
  return rows.map((row) => ({
    id: row.id,
    status: row.status as PaymentStatus,
    amount: row.amount,
    amountReceived: row.amountReceived,
    amountRefunded: row.amountRefunded,
    currency: row.currency,
    description: row.description,
    customer: row.customerId ? (customerById.get(row.customerId) ?? { id: row.customerId, email: null, name: null }) : null,
    created: row.created,
    isDisputed: row.isDisputed || disputed.has(row.id),
    isAwaitingWebhook: row.source === 'api_response',
  }));
}

export interface ListPaymentsOptions {
  filter: PaymentListFilter;
  /** a payment id: list the page older than it */
  after?: string;
  /** a payment id: list the page newer than it */
  before?: string;
  limit?: number;
}

export async function listPayments(options: ListPaymentsOptions, db: ListPaymentsDb): Promise<PaymentPage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const empty: PaymentPage = { payments: [], nextCursor: null, previousCursor: null };
  const where = await paymentFilterWhere(options.filter, db);
  if (!where) return empty;
  const isGoingBack = Boolean(options.before) && !options.after;
  const cursorId = isGoingBack ? options.before : options.after;
  const cursor = cursorId ? await db.stripePaymentIntent.findUnique({ where: { id: cursorId }, select: { id: true, created: true } }) : null;
  const rows = await findPaymentRows(
    where,
    { after: isGoingBack ? undefined : (cursor ?? undefined), before: isGoingBack ? (cursor ?? undefined) : undefined, take: limit + 1 },
    db,
  );
  const hasMore = rows.length > limit;
  // Going back, the extra row is the newest one (first after the reverse); going forward, the oldest.
  const page = hasMore ? (isGoingBack ? rows.slice(1) : rows.slice(0, limit)) : rows;
  const payments = await toListItems(page, db);
  const hasNewer = isGoingBack ? hasMore : Boolean(cursor);
  const hasOlder = isGoingBack ? true : hasMore;
  return {
    payments,
    nextCursor: hasOlder ? (payments.at(-1)?.id ?? null) : null,
    previousCursor: hasNewer ? (payments[0]?.id ?? null) : null,
  };
}
