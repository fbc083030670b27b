// account.updated → the ConnectedAccount projection, plus one requirement-history row per applied event.
import 'server-only';
import type Stripe from 'stripe';
import { connectedAccountColumns, joinRequirements, requirementListsOf, splitRequirements } from '@/lib/connect/connected-account-columns';
import { isOlderState } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const ACCOUNT_EVENT_TYPES = ['account.updated'] as const;
export type AccountEvent = Extract<Stripe.Event, { type: (typeof ACCOUNT_EVENT_TYPES)[number] }>;

// Requirements come and go (Stripe may ask for more after onboarding), so no status orders an account's changes.
const NO_RANK: number[] = [];

/** True when another account.updated from the same second wrote the stored row: the caller re-reads the account. */
export async function isAccountTie(event: AccountEvent, db: ProjectionDb): Promise<boolean> {
  const stored = await db.connectedAccount.findUnique({ where: { id: event.data.object.id }, select: { updatedFromEventCreated: true, updatedFromEventId: true } });
  return stored !== null && stored.updatedFromEventId !== null && stored.updatedFromEventId !== event.id && stored.updatedFromEventCreated === event.created;
}

export async function applyAccountEvent(
  event: AccountEvent,
  db: ProjectionDb,
  /** Stripe's current account, read because this event tied with the stored one; written instead of the payload */
  current?: Stripe.Account,
): Promise<ProjectionResult> {
  const account = current ?? event.data.object;
  const stored = await db.connectedAccount.findUnique({ where: { id: account.id }, select: { updatedFromEventCreated: true, currentlyDue: true } });
  const isOlder = current
    ? stored !== null && event.created < stored.updatedFromEventCreated
    : stored !== null && isOlderState({ eventCreated: event.created, rank: NO_RANK }, { eventCreated: stored.updatedFromEventCreated, rank: NO_RANK });
  if (isOlder) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  const data = { ...connectedAccountColumns(account), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.connectedAccount.create({ data: { id: account.id, ...data } });
  } else {
    const { count } = await db.connectedAccount.updateMany({ where: { id: account.id, updatedFromEventCreated: { lte: event.created } }, data });
    if (count === 0) return { outcome: 'stale', note: 'a newer event was applied meanwhile' };
  }
  await recordRequirementChange(event, account, splitRequirements(stored?.currentlyDue ?? ''), db);
  return { outcome: 'applied', note: current ? 're-read from Stripe: another change in the same second' : undefined };
}

/** What this event added to or cleared from requirements.currently_due, against the state it replaced. */
async function recordRequirementChange(event: AccountEvent, account: Stripe.Account, before: string[], db: ProjectionDb): Promise<void> {
  // A replayed event is applied again but is still one step in the seller's history.
  if (await db.connectedAccountRequirementChange.findUnique({ where: { eventId: event.id }, select: { id: true } })) return;
  const after = requirementListsOf(account);
  await db.connectedAccountRequirementChange.create({
    data: {
      accountId: account.id,
      eventId: event.id,
      eventCreated: event.created,
      added: joinRequirements(after.currentlyDue.filter((name) => !before.includes(name))),
      cleared: joinRequirements(before.filter((name) => !after.currentlyDue.includes(name))),
      currentlyDue: joinRequirements(after.currentlyDue),
      pastDue: joinRequirements(after.pastDue),
      disabledReason: account.requirements?.disabled_reason ?? null,
      detailsSubmitted: account.details_submitted ?? false,
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
    },
  });
}
