// credit_note.* → the StripeCreditNote projection.
import 'server-only';
import type Stripe from 'stripe';
import { idOf, isOlderState, type StateStamp } from '../compare-state';
import type { ProjectionDb } from '../projection-db';
import type { ProjectionResult } from '../projection-result';

export const CREDIT_NOTE_EVENT_TYPES = ['credit_note.created', 'credit_note.updated', 'credit_note.voided'] as const;
export type CreditNoteEvent = Extract<Stripe.Event, { type: (typeof CREDIT_NOTE_EVENT_TYPES)[number] }>;

// A void credit note is never issued again; memo/metadata updates of one status apply in arrival order.
const STATUS_RANK: Record<string, number> = { issued: 0, void: 1 };
const rankOf = (status: string): number[] => [STATUS_RANK[status] ?? 0];

/** The projection row for a credit note as Stripe describes it. */
export function creditNoteRow(note: Stripe.CreditNote) {
  return {
    status: note.status,
    invoiceId: idOf(note.invoice) ?? '',
    customerId: idOf(note.customer),
    number: note.number,
    currency: note.currency,
    total: note.total,
    type: note.type,
    reason: note.reason,
    created: note.created,
    raw: JSON.stringify(note),
  };
}

export async function applyCreditNoteEvent(event: CreditNoteEvent, db: ProjectionDb): Promise<ProjectionResult> {
  const note = event.data.object;
  const stored = await db.stripeCreditNote.findUnique({ where: { id: note.id }, select: { updatedFromEventCreated: true, status: true } });
  const incoming: StateStamp = { eventCreated: event.created, rank: rankOf(note.status) };
  if (stored && isOlderState(incoming, { eventCreated: stored.updatedFromEventCreated, rank: rankOf(stored.status) })) {
    return { outcome: 'stale', note: 'an equal or newer state is already stored' };
  }
  const data = { ...creditNoteRow(note), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' };
  if (!stored) {
    await db.stripeCreditNote.create({ data: { id: note.id, ...data } });
    return { outcome: 'applied' };
  }
  const { count } = await db.stripeCreditNote.updateMany({ where: { id: note.id, updatedFromEventCreated: { lte: event.created } }, data });
  return count === 1 ? { outcome: 'applied' } : { outcome: 'stale', note: 'a newer event was applied meanwhile' };
}
