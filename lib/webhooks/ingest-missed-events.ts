// The missed-event check: find what Stripe has and we lack, and apply it through the same store-and-project path.
import 'server-only';
import type Stripe from 'stripe';
import type { Db } from '@/lib/db/client';
import { findMissedEvents, type FindMissedEventsOptions } from './find-missed-events';
import { recordStripeEvent, type RecordOutcome } from './record-stripe-event';

export interface MissedEventsReport {
  checked: number;
  missed: { id: string; type: string; created: number; result: RecordOutcome | 'failed' }[];
}

export async function ingestMissedEvents(options: FindMissedEventsOptions, dependencies: { stripe: Stripe; db: Db }): Promise<MissedEventsReport> {
  const { checked, missed } = await findMissedEvents(options, dependencies);
  const report: MissedEventsReport = { checked, missed: [] };
  // Oldest first, as Stripe made them; the out-of-order guard covers a delivery that arrives meanwhile.
  for (const event of missed) {
    let result: RecordOutcome | 'failed';
    try {
      // Stripe's own rendering (2-space JSON), so the stored payload looks like a delivered one.
      result = await recordStripeEvent({ event, payload: JSON.stringify(event, null, 2), signatureResult: 'fetched' }, dependencies.db, dependencies.stripe);
    } catch {
      // Noted on the event by recordStripeEvent; the next check (or Stripe's retry) applies it.
      result = 'failed';
    }
    report.missed.push({ id: event.id, type: event.type, created: event.created, result });
  }
  return report;
}
