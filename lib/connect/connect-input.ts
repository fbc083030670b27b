// The Connect forms' rules, shared by the forms (client) and the server actions.
import { z } from 'zod';
import { currencySchema, formatMinorAmount, minimumChargeAmount, parseMajorAmount } from '@/lib/money';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

const nonce = z.uuid('Reload the page and try again.');
export const accountIdSchema = z.string().regex(/^acct_[A-Za-z0-9_]+$/, 'Choose a connected account.');

export const inviteSellerSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter the seller’s email address.')),
  name: z.string().trim().min(1, 'Enter the seller’s name.').max(100, 'The name can be at most 100 characters.').refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE),
  // Handed to the seller out of band; there is no public sign-up to set one.
  password: z.string().min(12, 'The first password needs at least 12 characters.').max(128, 'The password can be at most 128 characters.'),
});
export type InviteSellerInput = z.infer<typeof inviteSellerSchema>;

/** Orders are grouped at Stripe by `transfer_group`; the reference becomes `order_<reference>`. */
export const orderReferenceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use up to 40 letters, digits, - or _.');

export const transferGroupOf = (orderReference: string): string => `order_${orderReference}`;

export const destinationChargeSchema = z
  .object({
    accountId: accountIdSchema,
    amount: z.string(),
    currency: currencySchema,
    applicationFee: z.string(),
    orderReference: orderReferenceSchema,
    description: z
      .string()
      .trim()
      .max(1000, 'The description can be at most 1000 characters.')
      .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
      .optional()
      .transform((value) => value || undefined),
    idempotencyNonce: nonce,
  })
  .transform((input, context) => {
    const amount = parseMajorAmount(input.amount, input.currency);
    if (!amount.ok) {
      context.addIssue({ code: 'custom', path: ['amount'], message: amount.message });
      return z.NEVER;
    }
    const minimum = minimumChargeAmount(input.currency);
    if (minimum !== null && amount.minor < minimum) {
      context.addIssue({ code: 'custom', path: ['amount'], message: `Stripe's smallest payment in ${input.currency.toUpperCase()} is ${formatMinorAmount(minimum, input.currency)}.` });
      return z.NEVER;
    }
    const fee = parseMajorAmount(input.applicationFee, input.currency, { allowZero: true });
    if (!fee.ok) {
      context.addIssue({ code: 'custom', path: ['applicationFee'], message: fee.message });
      return z.NEVER;
    }
    // Stripe accepts a fee equal to the amount; a seller who receives nothing is never what the platform meant.
    if (fee.minor >= amount.minor) {
      context.addIssue({ code: 'custom', path: ['applicationFee'], message: `The platform fee must be less than the amount (${formatMinorAmount(amount.minor, input.currency)}).` });
      return z.NEVER;
    }
    return { ...input, amount: amount.minor, applicationFee: fee.minor };
  });
export type DestinationChargeInput = z.infer<typeof destinationChargeSchema>;

/** A transfer against a charge: the currency and what is left come from Stripe's charge, so the amount stays text. */
export const sourceTransferSchema = z.object({
  chargeId: z.string().trim().regex(/^ch_[A-Za-z0-9_]+$/, 'Enter the charge id (ch_…) the money came from.'),
  accountId: accountIdSchema,
  amount: z.string().trim().min(1, 'Enter an amount.'),
  idempotencyNonce: nonce,
});
export type SourceTransferInput = z.infer<typeof sourceTransferSchema>;

export const payoutSchema = z.object({ accountId: accountIdSchema, idempotencyNonce: nonce });

/** Refunding an order's charge: the currency and what is refundable come from Stripe; blank refunds the rest. */
export const orderRefundSchema = z.object({
  chargeId: z.string().regex(/^ch_[A-Za-z0-9_]+$/, 'Unknown charge.'),
  amount: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
  idempotencyNonce: nonce,
});
export type OrderRefundInput = z.infer<typeof orderRefundSchema>;
