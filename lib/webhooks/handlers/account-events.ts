// account.updated → the ConnectedAccount projection, plus one requirement-history row per applied event.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { z } from 'zod';
import { connectedAccountColumns, joinRequirements, requirementListsOf, splitRequirements } from '@/lib/connect/connected-account-columns';
import { Prisma } from '@/lib/db/client';
import type { SqlRunner } from '@/lib/db/sql-runner';
import { isStandInEventId } from '@/lib/sync/stand-in-event';
import type { ProjectionResult } from '../projection-result';
import { upsertProjectionRows, webhookRowSchema, type ProjectionRow } from '../upsert-projection-row';

export const ACCOUNT_EVENT_TYPES = ['account.updated'] as const;
export type AccountEvent = Extract<Stripe.Event, { type: (typeof ACCOUNT_EVENT_TYPES)[number] }>;

const accountRowSchema = webhookRowSchema({
  email: z.string().nullable(),
  country: z.string().nullable(),
  businessName: z.string().nullable(),
  detailsSubmitted: z.boolean(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  cardPaymentsStatus: z.string().nullable(),
  transfersStatus: z.string().nullable(),
  currentlyDue: z.string(),
  pastDue: z.string(),
  eventuallyDue: z.string(),
  disabledReason: z.string().nullable(),
});

/** Applied one at a time: the history row needs the requirements the event replaced. */
export async function applyAccountEvent(
  event: AccountEvent,
  sql: SqlRunner,
  /** Stripe's current account, read because this event tied with the stored one; written instead of the payload */
  current?: Stripe.Account,
): Promise<ProjectionResult> {
  const account = current ?? event.data.object;
  const [stored] = await sql.query<StoredAccount>(
    Prisma.sql`SELECT "currentlyDue", "pastDue", "disabledReason", "detailsSubmitted", "chargesEnabled", "payoutsEnabled" FROM "ConnectedAccount" WHERE "id" = ${account.id}`,
  );
  const row: ProjectionRow = {
    table: 'ConnectedAccount',
    id: account.id,
    schema: accountRowSchema,
    columns: { ...connectedAccountColumns(account), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
    // Requirements come and go (Stripe may ask for more after onboarding), so no status orders an account's changes.
  };
  const written = await upsertProjectionRows(sql, [row]);
  if (!written.has(row)) return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  // A read from Stripe (sync, refresh) is no step in the seller's history; it adds a row only where it found a change.
  if (!isStandInEventId(event.id) || hasHistoryChange(stored, account)) await recordRequirementChange(event, account, splitRequirements(stored?.currentlyDue ?? ''), sql);
  return { outcome: 'applied', note: current ? 're-read from Stripe: another change in the same second' : undefined };
}

/** The columns a history row records, as stored (SQLite hands booleans back as 0 or 1). */
type StoredAccount = {
  currentlyDue: string;
  pastDue: string;
  disabledReason: string | null;
  detailsSubmitted: boolean | number;
  chargesEnabled: boolean | number;
  payoutsEnabled: boolean | number;
};

function hasHistoryChange(stored: StoredAccount | undefined, account: Stripe.Account): boolean {
  const after = connectedAccountColumns(account);
  if (!stored) return after.currentlyDue !== '' || after.pastDue !== '';
  return (
    stored.currentlyDue !== after.currentlyDue ||
    stored.pastDue !== after.pastDue ||
    stored.disabledReason !== after.disabledReason ||
    Boolean(stored.detailsSubmitted) !== after.detailsSubmitted ||
    Boolean(stored.chargesEnabled) !== after.chargesEnabled ||
    Boolean(stored.payoutsEnabled) !== after.payoutsEnabled
  );
}

/** What this event added to or cleared from requirements.currently_due, against the state it replaced. */
async function recordRequirementChange(event: AccountEvent, account: Stripe.Account, before: string[], sql: SqlRunner): Promise<void> {
  const after = requirementListsOf(account);
  const added = joinRequirements(after.currentlyDue.filter((name) => !before.includes(name)));
  const cleared = joinRequirements(before.filter((name) => !after.currentlyDue.includes(name)));
  // A replayed event is applied again but is still one step in the seller's history: one row per event.
  await sql.execute(Prisma.sql`
    INSERT INTO "ConnectedAccountRequirementChange" ("id", "accountId", "eventId", "eventCreated", "added", "cleared", "currentlyDue", "pastDue", "disabledReason", "detailsSubmitted", "chargesEnabled", "payoutsEnabled", "createdAt")
    VALUES (${randomUUID()}, ${account.id}, ${event.id}, ${event.created}, ${added}, ${cleared}, ${joinRequirements(after.currentlyDue)}, ${joinRequirements(after.pastDue)},
      ${account.requirements?.disabled_reason ?? null}, ${account.details_submitted ?? false}, ${account.charges_enabled ?? false}, ${account.payouts_enabled ?? false}, ${new Date()})
    ON CONFLICT ("eventId") DO NOTHING`);
}
