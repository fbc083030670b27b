// credit_note.* → the StripeCreditNote projection.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { idOf } from '../compare-state';
import type { ProjectionPlan } from '../projection-result';
import { ranksOfStatuses, webhookRowSchema } from '../upsert-projection-row';

export const CREDIT_NOTE_EVENT_TYPES = ['credit_note.created', 'credit_note.updated', 'credit_note.voided'] as const;
export type CreditNoteEvent = Extract<Stripe.Event, { type: (typeof CREDIT_NOTE_EVENT_TYPES)[number] }>;

// A void credit note is never issued again; memo/metadata updates of one status apply in arrival order.
const STATUS_RANK: Record<string, number> = { issued: 0, void: 1 };

const creditNoteColumns = webhookRowSchema({
  status: z.string(),
  invoiceId: z.string(),
  customerId: z.string().nullable(),
  number: z.string(),
  currency: z.string(),
  total: z.number().int(),
  type: z.string(),
  reason: z.string().nullable(),
});

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

export function planCreditNoteEvent(event: CreditNoteEvent): ProjectionPlan {
  const note = event.data.object;
  return {
    row: {
      table: 'StripeCreditNote',
      id: note.id,
      schema: creditNoteColumns,
      columns: { ...creditNoteRow(note), updatedFromEventCreated: event.created, updatedFromEventId: event.id, source: 'webhook' },
      sameSecondRank: [{ column: 'status', rankOfValue: ranksOfStatuses(STATUS_RANK) }],
    },
  };
}
