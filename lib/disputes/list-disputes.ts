// Lists disputes from the projection, most urgent first: disputes still waiting for a response by due date (so the
// overdue and the due-within-48-hours ones lead), then all others newest first. Keyset cursors, no counts.
import 'server-only';
import { z } from 'zod';
import type { Db, Prisma } from '@/lib/db/client';
import { DISPUTE_REASON_LABELS } from './evidence-checklist';
import { DISPUTE_STATUS_LABELS } from './dispute-view';
import { dueUrgency, OPEN_DISPUTE_STATUSES, type DueUrgency } from './due-urgency';

export type ListDisputesDb = Pick<Db, 'stripeDispute' | 'stripePaymentIntent' | 'stripeCustomer'>;

export const disputeListFilterSchema = z.object({
  status: z.enum(Object.keys(DISPUTE_STATUS_LABELS) as [string, ...string[]]).optional().catch(undefined),
  reason: z.enum(Object.keys(DISPUTE_REASON_LABELS) as [string, ...string[]]).optional().catch(undefined),
  after: z.string().regex(/^(dp|du)_[A-Za-z0-9_]+$/).optional().catch(undefined),
});
export type DisputeListFilter = z.infer<typeof disputeListFilterSchema>;

export interface DisputeListItem {
  id: string;
  status: string;
  reason: string;
  amount: number;
  currency: string;
  chargeId: string;
  paymentIntentId: string | null;
  customer: { id: string; email: string | null; name: string | null } | null;
  dueBy: number | null;
  urgency: DueUrgency;
  isAwaitingConfirmation: boolean;
}

export interface DisputePage {
  disputes: DisputeListItem[];
  /** pass as `after` for the next, less urgent page */
  nextCursor: string | null;
}

const SELECT = {
  id: true,
  status: true,
  reason: true,
  amount: true,
  currency: true,
  chargeId: true,
  paymentIntentId: true,
  evidenceDueBy: true,
  created: true,
  updatedFromEventId: true,
} satisfies Prisma.StripeDisputeSelect;
type DisputeRow = Prisma.StripeDisputeGetPayload<{ select: typeof SELECT }>;

const OPEN: Prisma.StripeDisputeWhereInput = { status: { in: [...OPEN_DISPUTE_STATUSES] }, evidenceDueBy: { not: null } };
const REST: Prisma.StripeDisputeWhereInput = { NOT: OPEN };
const isInOpenSegment = (row: Pick<DisputeRow, 'status' | 'evidenceDueBy'>) => (OPEN_DISPUTE_STATUSES as readonly string[]).includes(row.status) && row.evidenceDueBy !== null;

async function openRows(where: Prisma.StripeDisputeWhereInput, after: DisputeRow | null, take: number, db: ListDisputesDb): Promise<DisputeRow[]> {
  const beyond: Prisma.StripeDisputeWhereInput | undefined = after
    ? { OR: [{ evidenceDueBy: { gt: after.evidenceDueBy! } }, { evidenceDueBy: after.evidenceDueBy!, id: { gt: after.id } }] }
    : undefined;
  return db.stripeDispute.findMany({ where: { AND: [where, OPEN, ...(beyond ? [beyond] : [])] }, orderBy: [{ evidenceDueBy: 'asc' }, { id: 'asc' }], take, select: SELECT });
}

async function restRows(where: Prisma.StripeDisputeWhereInput, after: DisputeRow | null, take: number, db: ListDisputesDb): Promise<DisputeRow[]> {
  const beyond: Prisma.StripeDisputeWhereInput | undefined = after
    ? { OR: [{ created: { lt: after.created } }, { created: after.created, id: { lt: after.id } }] }
    : undefined;
  return db.stripeDispute.findMany({ where: { AND: [where, REST, ...(beyond ? [beyond] : [])] }, orderBy: [{ created: 'desc' }, { id: 'desc' }], take, select: SELECT });
}

async function toItems(rows: DisputeRow[], now: number, db: ListDisputesDb): Promise<DisputeListItem[]> {
  const intentIds = [...new Set(rows.map((row) => row.paymentIntentId).filter((id): id is string => id !== null))];
  const intents = intentIds.length > 0 ? await db.stripePaymentIntent.findMany({ where: { id: { in: intentIds } }, select: { id: true, customerId: true } }) : [];
  const customerIds = [...new Set(intents.map((intent) => intent.customerId).filter((id): id is string => id !== null))];
  const customers = customerIds.length > 0 ? await db.stripeCustomer.findMany({ where: { id: { in: customerIds } }, select: { id: true, email: true, name: true } }) : [];
  const customerOfIntent = new Map(intents.map((intent) => [intent.id, intent.customerId]));
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  return rows.map((row) => {
    const customerId = row.paymentIntentId ? (customerOfIntent.get(row.paymentIntentId) ?? null) : null;
    return {
      id: row.id,
      status: row.status,
      reason: row.reason,
      amount: row.amount,
      currency: row.currency,
      chargeId: row.chargeId,
      paymentIntentId: row.paymentIntentId,
      customer: customerId ? (customerById.get(customerId) ?? { id: customerId, email: null, name: null }) : null,
      dueBy: row.evidenceDueBy,
      urgency: dueUrgency(row.status, row.evidenceDueBy, now),
      isAwaitingConfirmation: row.updatedFromEventId === null,
    };
  });
}

export async function listDisputes(
  options: { filter: DisputeListFilter; limit?: number; now?: number },
  db: ListDisputesDb,
): Promise<DisputePage> {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const where: Prisma.StripeDisputeWhereInput = {};
  if (options.filter.status) where.status = options.filter.status;
  if (options.filter.reason) where.reason = options.filter.reason;
  const cursor = options.filter.after ? await db.stripeDispute.findUnique({ where: { id: options.filter.after }, select: SELECT }) : null;

  const isPastOpen = cursor !== null && !isInOpenSegment(cursor);
  const rows = isPastOpen ? [] : await openRows(where, cursor, limit + 1, db);
  if (rows.length <= limit) rows.push(...(await restRows(where, isPastOpen ? cursor : null, limit + 1 - rows.length, db)));
  const page = rows.slice(0, limit);
  return { disputes: await toItems(page, now, db), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
