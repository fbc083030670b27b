// What a dispute's page shows around it: the customer who paid and the disputed payment's timeline.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { listPaymentTimeline, type TimelineEntry } from '@/lib/payments/list-payment-timeline';
import type { DisputeView } from './dispute-view';

export interface DisputeContext {
  customer: { id: string; email: string | null; name: string | null } | null;
  timeline: TimelineEntry[];
}

export async function retrieveDisputeContext(
  dispute: Pick<DisputeView, 'chargeId' | 'paymentIntentId'>,
  db: Pick<Db, 'stripePaymentIntent' | 'stripeCharge' | 'stripeCustomer' | 'stripeEvent' | 'stripeDispute'> = defaultDb,
): Promise<DisputeContext> {
  const [intent, charge] = await Promise.all([
    dispute.paymentIntentId ? db.stripePaymentIntent.findUnique({ where: { id: dispute.paymentIntentId }, select: { customerId: true } }) : null,
    db.stripeCharge.findUnique({ where: { id: dispute.chargeId }, select: { customerId: true } }),
  ]);
  const customerId = intent?.customerId ?? charge?.customerId ?? null;
  const customer = customerId ? await db.stripeCustomer.findUnique({ where: { id: customerId }, select: { id: true, email: true, name: true } }) : null;
  const timeline = dispute.paymentIntentId
    ? await listPaymentTimeline({ paymentIntentId: dispute.paymentIntentId, chargeId: dispute.chargeId, refundIds: [] }, db)
    : [];
  return { customer: customer ?? (customerId ? { id: customerId, email: null, name: null } : null), timeline };
}
