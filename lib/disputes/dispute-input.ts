// The dispute forms' inputs, parsed with zod on the server (the same rules the form states).
import { z } from 'zod';
import { EVIDENCE_FIELDS, EVIDENCE_TEXT_TOTAL_LIMIT, LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, evidenceTextLength, type EvidenceFieldName } from './evidence-fields';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

export const disputeIdSchema = z.string().regex(/^(dp|du)_[A-Za-z0-9_]+$/, 'That is not a dispute id.');
const nonce = z.uuid('Reload the page and try again.');
const limitOf = (kind: 'short' | 'long') => (kind === 'short' ? SHORT_TEXT_LIMIT : LONG_TEXT_LIMIT);

const evidenceShape = Object.fromEntries(
  EVIDENCE_FIELDS.map((field) => [
    field.name,
    field.kind === 'file'
      ? z.string().trim().regex(/^(file_[A-Za-z0-9_]+)?$/, 'Upload the file again.').optional()
      : z.string().max(limitOf(field.kind), `At most ${limitOf(field.kind).toLocaleString('en-US')} characters.`).refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE).optional(),
  ]),
) as Record<EvidenceFieldName, z.ZodOptional<z.ZodString>>;

const withinTotal = (values: Partial<Record<string, string>>) => evidenceTextLength(values) <= EVIDENCE_TEXT_TOTAL_LIMIT;
const totalMessage = `All evidence text together may have at most ${EVIDENCE_TEXT_TOTAL_LIMIT.toLocaleString('en-US')} characters.`;

const confirmation = (message: string) => z.literal('on', { error: message });

export const saveDisputeDraftSchema = z
  .object({ disputeId: disputeIdSchema, draftNonce: nonce, ...evidenceShape })
  .refine(withinTotal, { message: totalMessage });

export const submitDisputeEvidenceSchema = z
  .object({
    disputeId: disputeIdSchema,
    // Save and Submit share one form, each with a nonce of its own, so a draft's key is never a submission's.
    submitNonce: nonce,
    confirmSubmit: confirmation('Tick the box to confirm: submitted evidence cannot be changed.'),
    ...evidenceShape,
  })
  .refine(withinTotal, { message: totalMessage });

export const acceptDisputeLossSchema = z.object({
  disputeId: disputeIdSchema,
  idempotencyNonce: nonce,
  confirmAccept: confirmation('Tick the box to confirm that you accept losing this dispute.'),
});

export type EvidenceInput = Partial<Record<EvidenceFieldName, string>>;

/** The evidence fields of a parsed form, without its other fields. */
export function evidenceOf(input: Record<string, unknown>): EvidenceInput {
  const evidence: EvidenceInput = {};
  for (const field of EVIDENCE_FIELDS) {
    const value = input[field.name];
    if (typeof value === 'string') evidence[field.name] = value;
  }
  return evidence;
}
