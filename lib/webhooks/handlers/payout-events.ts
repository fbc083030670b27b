// payout.* → the StripePayout projection (a balance → a bank account), the connected account's from the event's `account`.
import 'server-only';
import type Stripe from 'stripe';
import { isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const PAYOUT_EVENT_TYPES = ['payout.created', 'payout.updated', 'payout.paid', 'payout.failed', 'payout.canceled'] as const;
export type PayoutEvent = Extract<Stripe.Event, { type: (typeof PAYOUT_EVENT_TYPES)[number] }>;

// A payout moves pending → in_transit → paid | failed | canceled and never back.
const STATUS_RANK: Record<string, number> = { pending: 0, in_transit: 1, paid: 2, failed: 2, canceled: 2 };
const rankOf = (status: string): number[] => [STATUS_RANK[status] ?? 0];

export async function applyPayoutEvent(event: PayoutEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const payout = event.data.object;
  const stored = await db.stripePayout.findUnique({ where: { id: payout.id }, select: { updatedFromEventCreated: true, status: true } });
  if (stored && isOlderState({ eventCreated: event.created, rank: rankOf(payout.status) }, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const data = {
    accountId: event.account ?? null,
    status: payout.status,
    amount: payout.amount,
    currency: payout.currency,
    arrivalDate: payout.arrival_date,
    failureCode: payout.failure_code ?? null,
    created: payout.created,
    updatedFromEventCreated: event.created,
    updatedFromEventId: event.id,
    source: 'webhook',
    raw: JSON.stringify(payout),
  };
  if (!stored) {
    await db.stripePayout.create({ data: { id: payout.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripePayout.updateMany({ where: { id: payout.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
