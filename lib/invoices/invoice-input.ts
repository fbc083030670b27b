// The invoice forms' rules, shared by the forms (client) and the server actions.
import { z } from 'zod';

export const INVOICE_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  uncollectible: 'Uncollectible',
  void: 'Void',
  deleted: 'Deleted',
};

const nonce = z.uuid('Reload the page and try again.');
const invoiceId = z.string().regex(/^in_[A-Za-z0-9_]+$/, 'Unknown invoice.');

export const finalizeInvoiceSchema = z.object({ invoiceId, idempotencyNonce: nonce });

/** Paid outside Stripe (a bank transfer, cash), or charged now to one of the customer's saved cards. */
export const payInvoiceSchema = z
  .object({
    invoiceId,
    method: z.enum(['out_of_band', 'saved_card'], 'Choose how it was paid.'),
    paymentMethodId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.string().regex(/^pm_[A-Za-z0-9_]+$/, 'Choose a saved card.').optional()),
    idempotencyNonce: nonce,
  })
  .refine((input) => input.method !== 'saved_card' || input.paymentMethodId, { path: ['paymentMethodId'], message: 'Choose a saved card.' });
