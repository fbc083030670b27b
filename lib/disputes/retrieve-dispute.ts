// Reads one dispute from the projection (Stripe when it lacks it), with the status Stripe's webhooks have confirmed.
import 'server-only';
import Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toDisputeView, type DisputeView } from './dispute-view';

type DisputeReadDb = Pick<Db, 'stripeDispute' | 'stripeEvent'>;

export interface RetrievedDispute {
  dispute: DisputeView;
  /** the status the last applied charge.dispute.* webhook carried; null when none has arrived */
  confirmedStatus: string | null;
  /** the shown state comes from an action's own Stripe response; its webhook has not arrived yet */
  isAwaitingConfirmation: boolean;
}

/** The status in the newest stored charge.dispute.* event for this dispute, when a response overwrote the row. */
async function lastWebhookStatus(disputeId: string, db: DisputeReadDb): Promise<string | null> {
  const event = await db.stripeEvent.findFirst({
    where: { objectId: disputeId, type: { startsWith: 'charge.dispute.' } },
    orderBy: [{ created: 'desc' }, { receivedAt: 'desc' }],
    select: { payload: true },
  });
  if (!event) return null;
  const payload = JSON.parse(event.payload) as { data?: { object?: { status?: string } } };
  return payload.data?.object?.status ?? null;
}

export async function retrieveDispute(
  options: { disputeId: string },
  dependencies: { stripe?: Stripe; db?: DisputeReadDb } = {},
): Promise<RetrievedDispute | null> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  const row = await db.stripeDispute.findUnique({ where: { id: options.disputeId } });
  if (row) {
    const isAwaitingConfirmation = row.updatedFromEventId === null;
    return {
      dispute: toDisputeView(JSON.parse(row.raw) as Stripe.Dispute),
      confirmedStatus: isAwaitingConfirmation ? await lastWebhookStatus(row.id, db) : row.status,
      isAwaitingConfirmation,
    };
  }
  try {
    const dispute = await stripe.disputes.retrieve(options.disputeId);
    return { dispute: toDisputeView(dispute), confirmedStatus: null, isAwaitingConfirmation: true };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
}
