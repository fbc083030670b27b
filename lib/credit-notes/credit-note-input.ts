// The credit-note forms' rules, shared by the forms (client) and the server actions.
import { z } from 'zod';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

/** Stripe's credit note `reason` values. */
export const CREDIT_NOTE_REASONS = ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'] as const;
export const CREDIT_NOTE_REASON_LABELS: Record<string, string> = {
  duplicate: 'Duplicate charge',
  fraudulent: 'Fraudulent',
  order_change: 'Order change',
  product_unsatisfactory: 'Product unsatisfactory',
};

/** Where the part above what is still due goes (Stripe's refund_amount, credit_amount, out_of_band_amount). */
export const POST_PAYMENT_DESTINATIONS = ['credit', 'refund', 'out_of_band'] as const;
export type PostPaymentDestination = (typeof POST_PAYMENT_DESTINATIONS)[number];
export const DESTINATION_LABELS: Record<PostPaymentDestination, string> = {
  credit: "Credit the customer's balance",
  refund: 'Refund the payment',
  out_of_band: 'Credited outside Stripe',
};

export const CREDIT_NOTE_STATUS_LABELS: Record<string, string> = { issued: 'Issued', void: 'Void' };
export const MEMO_MAX = 500;

const nonce = z.uuid('Reload the page and try again.');
const invoiceId = z.string().regex(/^in_[A-Za-z0-9_]+$/, 'Unknown invoice.');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** Zips `lineId[]` / `lineQuantity[]` into rows; rows left blank or at 0 are not credited. */
function withLineRows(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { lineId, lineQuantity, ...rest } = input as Record<string, unknown>;
  const ids = list(lineId);
  const quantities = list(lineQuantity);
  return { ...rest, lines: ids.map((id, row) => ({ row, id, quantity: (quantities[row] ?? '').trim() })) };
}

export const creditNoteFormSchema = z.preprocess(
  withLineRows,
  z
    .object({
      invoiceId,
      mode: z.enum(['lines', 'amount'], 'Choose lines or an amount.'),
      lines: z.array(z.object({ row: z.number(), id: z.string().regex(/^il_[A-Za-z0-9_]+$/, 'Unknown invoice line.'), quantity: z.string() })).max(100, 'At most 100 lines.'),
      amount: z.string().trim().optional().default(''),
      reason: z
        .union([z.literal(''), z.enum(CREDIT_NOTE_REASONS)], 'Choose a reason from the list.')
        .optional()
        .transform((value) => value || undefined),
      memo: z
        .string()
        .trim()
        .max(MEMO_MAX, `The memo can be at most ${MEMO_MAX} characters.`)
        .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
        .optional()
        .transform((value) => value || undefined),
      postPayment: z.enum(POST_PAYMENT_DESTINATIONS, 'Choose where the credit goes.').default('credit'),
      idempotencyNonce: nonce,
    })
    .transform((input, context) => {
      const lines: { row: number; id: string; quantity: number }[] = [];
      for (const line of input.lines) {
        if (line.quantity === '' || line.quantity === '0') continue;
        const quantity = Number(line.quantity);
        if (!Number.isInteger(quantity) || quantity < 1) {
          context.addIssue({ code: 'custom', path: ['lines', line.row, 'quantity'], message: 'Enter a whole quantity.' });
          continue;
        }
        lines.push({ row: line.row, id: line.id, quantity });
      }
      if (input.mode === 'lines' && lines.length === 0 && input.lines.every((line) => line.quantity === '' || line.quantity === '0')) {
        context.addIssue({ code: 'custom', path: ['lines'], message: 'Enter a quantity to credit on at least one line.' });
      }
      if (input.mode === 'amount' && !input.amount) context.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount to credit.' });
      return { ...input, lines };
    }),
);
export type CreditNoteFormInput = z.infer<typeof creditNoteFormSchema>;

export const voidCreditNoteSchema = z.object({ creditNoteId: z.string().regex(/^cn_[A-Za-z0-9_]+$/, 'Unknown credit note.'), idempotencyNonce: nonce });
