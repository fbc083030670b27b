// Object by object: what the sandbox holds against what the projection holds, for the columns pages show.
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { readProjectionRows } from '@/lib/sync/projection-rows';
import { SYNC_DEFINITIONS, type SyncObjectType } from '@/lib/sync/sync-object-types';

type StripeObject = Record<string, unknown>;
/** Projection column → how to read it from the Stripe object. */
type Columns = Record<string, (object: StripeObject) => unknown>;

const field = (name: string) => (object: StripeObject) => object[name];
const idOf = (name: string) => (object: StripeObject) => {
  const value = object[name];
  return typeof value === 'object' && value !== null ? (value as { id: string }).id : value;
};
const nested = (outer: string, inner: string) => (object: StripeObject) => (object[outer] as StripeObject | null | undefined)?.[inner];
const capability = (name: string) => (object: StripeObject) => (object.capabilities as StripeObject | undefined)?.[name];

/** Every type compared, listed through the backfill's own definitions (which import each of them too). */
const COMPARED_COLUMNS = {
  customer: { name: field('name'), email: field('email') },
  payment_intent: { status: field('status'), amount: field('amount'), amountReceived: field('amount_received') },
  charge: { status: field('status'), amount: field('amount'), amountRefunded: field('amount_refunded') },
  refund: { status: field('status'), amount: field('amount') },
  dispute: { status: field('status'), amount: field('amount'), chargeId: idOf('charge'), submissionCount: nested('evidence_details', 'submission_count') },
  quote: { status: field('status'), amountTotal: field('amount_total'), invoiceId: idOf('invoice'), number: field('number') },
  invoice: { status: field('status'), total: field('total'), amountPaid: field('amount_paid'), amountRemaining: field('amount_remaining'), quoteId: (object) => (nested('parent', 'quote_details')(object) as StripeObject | null | undefined)?.quote },
  credit_note: { status: field('status'), total: field('total'), invoiceId: idOf('invoice'), type: field('type') },
  connected_account: {
    detailsSubmitted: field('details_submitted'),
    chargesEnabled: field('charges_enabled'),
    payoutsEnabled: field('payouts_enabled'),
    cardPaymentsStatus: capability('card_payments'),
    transfersStatus: capability('transfers'),
  },
  transfer: { amount: field('amount'), amountReversed: field('amount_reversed'), destinationAccountId: idOf('destination'), sourceTransactionId: idOf('source_transaction'), isReversed: field('reversed') },
  application_fee: { amount: field('amount'), amountRefunded: field('amount_refunded'), accountId: idOf('account'), originatingChargeId: idOf('originating_transaction') },
} satisfies Partial<Record<SyncObjectType, Columns>>;

export type ComparedType = keyof typeof COMPARED_COLUMNS;
export const COMPARED_TYPES = Object.keys(COMPARED_COLUMNS) as ComparedType[];

export interface ProjectionComparison {
  compared: Partial<Record<ComparedType, number>>;
  differences: string[];
}

async function listAll<T>(list: AsyncIterable<T>): Promise<StripeObject[]> {
  const objects: StripeObject[] = [];
  for await (const object of list) objects.push(object as unknown as StripeObject);
  return objects;
}

function compareObjects(type: string, objects: StripeObject[], rows: Map<string, Record<string, unknown>>, columns: Columns, differences: string[]): void {
  for (const object of objects) {
    const row = rows.get(String(object.id));
    if (!row) {
      differences.push(`${type} ${String(object.id)}: missing from the projection`);
      continue;
    }
    for (const [column, read] of Object.entries(columns)) {
      const expected = read(object);
      if (JSON.stringify(row[column] ?? null) !== JSON.stringify(expected ?? null)) {
        differences.push(`${type} ${String(object.id)}: ${column} is ${JSON.stringify(row[column])} in the projection, ${JSON.stringify(expected)} in Stripe`);
      }
    }
  }
}

/**
 * Every object of each type in Stripe against its projection row; `types` narrows it.
 */
export async function compareProjection(dependencies: { stripe: Stripe; db: Db }, types: readonly ComparedType[] = COMPARED_TYPES): Promise<ProjectionComparison> {
  const { stripe, db } = dependencies;
  const result: ProjectionComparison = { compared: {}, differences: [] };
  for (const type of types) {
    const objects = await listAll(SYNC_DEFINITIONS[type].list(stripe, { limit: 100 }));
    const rows = await readProjectionRows(type, objects.map((object) => String(object.id)), db);
    compareObjects(type, objects, rows, COMPARED_COLUMNS[type], result.differences);
    result.compared[type] = objects.length;
  }
  return result;
}
