// Webhook test helpers: real sandbox events, signed the way Stripe signs them, fed to the app's ingest function.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';
import { readProjectionRows } from '@/lib/sync/projection-rows';
import { SYNC_DEFINITIONS, SYNC_OBJECT_TYPES, type SyncObjectType } from '@/lib/sync/sync-object-types';
import { ingestWebhook, type IngestResult } from '@/lib/webhooks/ingest-webhook';

export const newSecret = (): string => `whsec_${randomBytes(24).toString('base64url').replace(/[^A-Za-z0-9]/g, '')}`;

/** Stripe's own rendering of an event body (2-space JSON), signed with `secret` at `timestamp` (Unix seconds). */
export function signed(event: object | string, secret: string, timestamp = Math.floor(Date.now() / 1000)): { rawBody: Buffer; signatureHeader: string } {
  const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2);
  return { rawBody: Buffer.from(payload), signatureHeader: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

export function deliver(
  db: Db,
  event: object | string,
  secret: string,
  options: { secrets?: string[]; timestamp?: number; stripe?: Stripe } = {},
): Promise<IngestResult> {
  return ingestWebhook({ ...signed(event, secret, options.timestamp), secrets: options.secrets ?? [secret] }, db, options.stripe);
}

/** The sandbox's events of `type` for this account, oldest first (what it would deliver). */
export async function sandboxEvents(stripe: Stripe, type: string): Promise<Stripe.Event[]> {
  const page = await stripe.events.list({ type, limit: 100 });
  return [...page.data].reverse();
}

/** A copy of `event` under a new id and `created`, for orderings the sandbox would not produce on its own. */
export function reissued(event: Stripe.Event, changes: { created: number }): Stripe.Event {
  // A JSON copy, not a spread: spreading a 300-member union makes the type checker compare every pair.
  const copy = JSON.parse(JSON.stringify(event)) as Stripe.Event;
  copy.id = `evt_test${randomBytes(10).toString('hex')}`;
  copy.created = changes.created;
  return copy;
}

/** What a page would show of each object, from Stripe and from the projection. */
const COMPARED: Record<SyncObjectType, string[]> = {
  customer: ['name', 'email'],
  payment_intent: ['status', 'amount', 'amountReceived'],
  charge: ['status', 'amount', 'amountRefunded'],
  refund: ['status', 'amount'],
  dispute: ['status', 'amount', 'reason'],
  setup_intent: ['status', 'paymentMethodId'],
  quote: ['status', 'amountTotal'],
  invoice: ['status', 'total', 'amountPaid'],
  credit_note: ['status', 'total'],
  connected_account: ['email', 'detailsSubmitted', 'chargesEnabled', 'payoutsEnabled'],
  transfer: ['amount', 'amountReversed', 'destinationAccountId', 'sourceTransactionId'],
  application_fee: ['amount', 'amountRefunded', 'accountId', 'originatingChargeId'],
  payout: ['status', 'amount', 'accountId'],
};

function stripeColumns(type: SyncObjectType, object: Record<string, unknown>): Record<string, unknown> {
  const camel: Record<string, string> = {
    amountReceived: 'amount_received',
    amountRefunded: 'amount_refunded',
    paymentMethodId: 'payment_method',
    amountTotal: 'amount_total',
    amountPaid: 'amount_paid',
    detailsSubmitted: 'details_submitted',
    chargesEnabled: 'charges_enabled',
    payoutsEnabled: 'payouts_enabled',
    amountReversed: 'amount_reversed',
    destinationAccountId: 'destination',
    sourceTransactionId: 'source_transaction',
    accountId: 'account',
    originatingChargeId: 'originating_transaction',
  };
  return Object.fromEntries(COMPARED[type].map((column) => [column, object[camel[column] ?? column]]));
}

/** A payout is listed with the balance it left (null: the platform's), which the projection keeps as `accountId`. */
function asStripeObject(listed: object): Record<string, unknown> {
  if ('payout' in listed && 'account' in listed) return { ...(listed.payout as Record<string, unknown>), account: listed.account };
  return listed as Record<string, unknown>;
}

export async function expectProjectionEqualsSandbox(stripe: Stripe, db: Db): Promise<Record<SyncObjectType, number>> {
  const counts = {} as Record<SyncObjectType, number>;
  for (const type of SYNC_OBJECT_TYPES) {
    const objects: Record<string, unknown>[] = [];
    for await (const object of SYNC_DEFINITIONS[type].list(stripe, { limit: 100 })) objects.push(asStripeObject(object));
    const rows = await readProjectionRows(type, objects.map((object) => String(object.id)), db);
    const mismatches = objects.filter((object) => {
      const row = rows.get(String(object.id));
      return !row || JSON.stringify(stripeColumns(type, object)) !== JSON.stringify(Object.fromEntries(COMPARED[type].map((column) => [column, row[column]])));
    });
    expect({ type, mismatches: mismatches.map((object) => object.id) }).toEqual({ type, mismatches: [] });
    counts[type] = objects.length;
  }
  return counts;
}
