// A payment's timeline from the stored webhook events of its intent, charge, refunds and disputes, oldest first.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';

export interface TimelineEntry {
  eventId: string;
  type: string;
  label: string;
  /** Unix seconds, the event's own `created` */
  created: number;
}

const LABELS: Record<string, string> = {
  'payment_intent.created': 'Created',
  'payment_intent.requires_action': 'Waiting for the customer to authenticate (3-D Secure)',
  'payment_intent.amount_capturable_updated': 'Authorized, ready to capture',
  'payment_intent.processing': 'Processing',
  'payment_intent.payment_failed': 'Payment failed',
  'payment_intent.succeeded': 'Succeeded',
  'payment_intent.canceled': 'Canceled',
  'charge.succeeded': 'Confirmed: the card was charged or authorized',
  'charge.failed': 'Charge failed',
  'charge.captured': 'Captured',
  'charge.refunded': 'Refunded',
  'refund.created': 'Refund created',
  'refund.updated': 'Refund updated',
  'refund.failed': 'Refund failed',
  'charge.dispute.created': 'Disputed',
  'charge.dispute.updated': 'Dispute updated',
  'charge.dispute.closed': 'Dispute closed',
  'charge.dispute.funds_withdrawn': 'Disputed amount withdrawn',
  'charge.dispute.funds_reinstated': 'Disputed amount reinstated',
};

export async function listPaymentTimeline(
  options: { paymentIntentId: string; chargeId: string | null; refundIds: string[] },
  db: Pick<Db, 'stripeEvent'> = defaultDb,
): Promise<TimelineEntry[]> {
  const objectIds = [options.paymentIntentId, ...(options.chargeId ? [options.chargeId] : []), ...options.refundIds];
  // A dispute's events carry the dispute's own id; its charge id is inside the payload.
  const disputes = options.chargeId ? [{ type: { startsWith: 'charge.dispute.' }, payload: { contains: `"charge":"${options.chargeId}"` } }] : [];
  const rows = await db.stripeEvent.findMany({
    where: { OR: [{ objectId: { in: objectIds } }, ...disputes] },
    orderBy: [{ created: 'asc' }, { receivedAt: 'asc' }],
    select: { id: true, type: true, created: true },
    take: 200,
  });
  return rows
    .filter((row) => LABELS[row.type] !== undefined)
    .map((row) => ({ eventId: row.id, type: row.type, label: LABELS[row.type]!, created: row.created }));
}
