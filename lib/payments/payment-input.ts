// The payment forms' rules, shared by the forms (client) and the server actions.
import { z } from 'zod';
import { metadataSchema } from '@/lib/customers/customer-input';
import { currencySchema, formatMinorAmount, minimumChargeAmount, parseMajorAmount } from '@/lib/money';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

/** Stripe's `cancellation_reason` values a merchant may give (the rest are set by Stripe itself). */
export const CANCELLATION_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent', 'abandoned'] as const;
/** Stripe's refund `reason` values. */
export const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent'] as const;

export const REASON_LABELS: Record<string, string> = {
  requested_by_customer: 'Requested by the customer',
  duplicate: 'Duplicate payment',
  fraudulent: 'Fraudulent',
  abandoned: 'Abandoned by the customer',
};

const nonce = z.uuid('Reload the page and try again.');
const paymentIntentId = z.string().regex(/^pi_[A-Za-z0-9_]+$/, 'Unknown payment.');
const optionalId = (prefix: string, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]+$`), message).optional());

/** Zips the form's `metadataKey[]` / `metadataValue[]` lists into rows, as the customer form does. */
function withMetadataRows(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { metadataKey, metadataValue, ...rest } = input as Record<string, unknown>;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  const keys = list(metadataKey);
  const values = list(metadataValue);
  const rows = Array.from({ length: Math.max(keys.length, values.length) }, (_, row) => ({ row, key: keys[row] ?? '', value: values[row] ?? '' }));
  return { ...rest, metadata: rows };
}

/**
 * browser: automatic confirmation, paid in the Payment Element. server: manual confirmation, confirmed from the
 * dashboard with one of the customer's saved cards.
 */
export const CONFIRMATION_MODES = ['browser', 'server'] as const;

export const createPaymentSchema = z.preprocess(
  withMetadataRows,
  z
    .object({
      amount: z.string(),
      currency: currencySchema,
      customerId: optionalId('cus', 'Choose a customer from the list.'),
      description: z
        .string()
        .trim()
        .max(1000, 'The description can be at most 1000 characters.')
        .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
        .optional()
        .transform((value) => value || undefined),
      metadata: metadataSchema,
      captureMethod: z.enum(['automatic', 'manual'], 'Choose when to capture.'),
      confirmationMode: z.enum(CONFIRMATION_MODES, 'Choose how the payment is confirmed.'),
      idempotencyNonce: nonce,
    })
    .transform((input, context) => {
      const parsed = parseMajorAmount(input.amount, input.currency);
      if (!parsed.ok) {
        context.addIssue({ code: 'custom', path: ['amount'], message: parsed.message });
        return z.NEVER;
      }
      const minimum = minimumChargeAmount(input.currency);
      if (minimum !== null && parsed.minor < minimum) {
        context.addIssue({ code: 'custom', path: ['amount'], message: `Stripe's smallest payment in ${input.currency.toUpperCase()} is ${formatMinorAmount(minimum, input.currency)}.` });
        return z.NEVER;
      }
      if (input.confirmationMode === 'server' && !input.customerId) {
        context.addIssue({ code: 'custom', path: ['customerId'], message: 'Confirming from the dashboard uses a saved card: choose its customer.' });
        return z.NEVER;
      }
      return { ...input, amount: parsed.minor };
    }),
);
export type CreatePaymentInput = z.infer<typeof createPaymentSchema>;

export const confirmPaymentSchema = z.object({
  paymentIntentId,
  paymentMethodId: z.string().regex(/^pm_[A-Za-z0-9_]+$/, 'Choose a saved card.'),
  idempotencyNonce: nonce,
});

/**
 * Capture and refund amounts stay text here: the currency that gives them meaning is read from Stripe on the
 * server, never taken from the form. Blank means "all of it".
 */
const optionalAmountText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

export const capturePaymentSchema = z.object({ paymentIntentId, amount: optionalAmountText, idempotencyNonce: nonce });

export const cancelPaymentSchema = z.object({
  paymentIntentId,
  reason: z.enum(CANCELLATION_REASONS, 'Choose a reason.'),
  idempotencyNonce: nonce,
});

export const refundPaymentSchema = z.object({
  paymentIntentId,
  amount: optionalAmountText,
  reason: z
    .enum(['', ...REFUND_REASONS], 'Choose a reason.')
    .optional()
    .transform((value) => (value ? (value as (typeof REFUND_REASONS)[number]) : undefined)),
  idempotencyNonce: nonce,
});
