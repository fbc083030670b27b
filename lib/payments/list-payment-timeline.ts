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
  db: Pick<Db, 'stripeEvent'> & Partial<Pick<Db, 'stripeDispute'>> = defaultDb,
): Promise<TimelineEntry[]> {
  // A dispute's events carry the dispute's own id; the dispute projection (when the caller's db has it) knows which
  // charge it is about.
  const disputes = options.chargeId && db.stripeDispute ? await db.stripeDispute.findMany({ where: { chargeId: options.chargeId }, select: { id: true } }) : [];
  const objectIds = [options.paymentIntentId, ...(options.chargeId ? [options.chargeId] : []), ...options.refundIds, ...disputes.map((dispute) => dispute.id)];
  const rows = await db.stripeEvent.findMany({
    where: { objectId: { in: objectIds } },
    orderBy: [{ created: 'asc' }, { receivedAt: 'asc' }],
    select: { id: true, type: true, created: true },
    take: 200,
  });
  return rows
    .filter((row) => LABELS[row.type] !== undefined)
    .map((row) => ({ eventId: row.id, type: row.type, label: LABELS[row.type]!, created: row.created }));
}
