// Object by object: what the sandbox holds against what the projection holds, for the columns pages show.
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { readProjectionRows } from '@/lib/sync/projection-rows';
import { SYNC_DEFINITIONS, type SyncObjectType } from '@/lib/sync/sync-object-types';

/** Projection column → Stripe field. */
const COMPARED_COLUMNS = {
  customer: { name: 'name', email: 'email' },
  payment_intent: { status: 'status', amount: 'amount', amountReceived: 'amount_received' },
  charge: { status: 'status', amount: 'amount', amountRefunded: 'amount_refunded' },
  refund: { status: 'status', amount: 'amount' },
} satisfies Partial<Record<SyncObjectType, Record<string, string>>>;

export type ComparedType = keyof typeof COMPARED_COLUMNS;
export const COMPARED_TYPES = Object.keys(COMPARED_COLUMNS) as ComparedType[];

export interface ProjectionComparison {
  compared: Record<ComparedType, number>;
  differences: string[];
}

export async function compareProjection(dependencies: { stripe: Stripe; db: Db }): Promise<ProjectionComparison> {
  const result: ProjectionComparison = { compared: { customer: 0, payment_intent: 0, charge: 0, refund: 0 }, differences: [] };
  for (const type of COMPARED_TYPES) {
    const objects: Record<string, unknown>[] = [];
    for await (const object of SYNC_DEFINITIONS[type].list(dependencies.stripe, { limit: 100 })) objects.push(object as unknown as Record<string, unknown>);
    const rows = await readProjectionRows(type, objects.map((object) => String(object.id)), dependencies.db);
    for (const object of objects) {
      const row = rows.get(String(object.id));
      if (!row) {
        result.differences.push(`${type} ${String(object.id)}: missing from the projection`);
        continue;
      }
      for (const [column, field] of Object.entries(COMPARED_COLUMNS[type])) {
        if (JSON.stringify(row[column] ?? null) !== JSON.stringify(object[field] ?? null)) {
          result.differences.push(`${type} ${String(object.id)}: ${column} is ${JSON.stringify(row[column])} in the projection, ${JSON.stringify(object[field])} in Stripe`);
        }
      }
    }
    result.compared[type] = objects.length;
  }
  return result;
}
