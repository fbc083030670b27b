// The customer form's rules, shared by the form (client) and the server actions: Stripe's limits, checked first.
import { z } from 'zod';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

export const METADATA_MAX_PAIRS = 50;
export const METADATA_KEY_MAX = 40;
export const METADATA_VALUE_MAX = 500;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
    .optional()
    .transform((value) => value || undefined);

/**
 * Metadata arrives as parallel `metadataKey[]` / `metadataValue[]` lists (one pair per form row). Rows
 * left entirely blank are dropped; the rest must satisfy Stripe: ≤ 50 keys, key ≤ 40 characters without
 * square brackets, value ≤ 500 characters, keys unique.
 */
export const metadataSchema = z
  .array(z.object({ row: z.number(), key: z.string(), value: z.string() }))
  .transform((pairs) =>
    pairs.map((pair) => ({ ...pair, key: pair.key.trim(), value: pair.value.trim() })).filter((pair) => pair.key !== '' || pair.value !== ''),
  )
  .superRefine((pairs, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (pairs.length > METADATA_MAX_PAIRS) issue([], `At most ${METADATA_MAX_PAIRS} metadata pairs.`);
    const seen = new Set<string>();
    for (const pair of pairs) {
      if (pair.key === '') issue([pair.row, 'key'], 'Give this value a key.');
      else if (pair.key.length > METADATA_KEY_MAX) issue([pair.row, 'key'], `Keys can be at most ${METADATA_KEY_MAX} characters.`);
      else if (/[[\]]/.test(pair.key)) issue([pair.row, 'key'], 'Keys cannot contain square brackets.');
      else if (seen.has(pair.key)) issue([pair.row, 'key'], 'This key is already used above.');
      else if (hasControlCharacters(pair.key)) issue([pair.row, 'key'], CONTROL_CHARACTERS_MESSAGE);
      if (pair.value.length > METADATA_VALUE_MAX) issue([pair.row, 'value'], `Values can be at most ${METADATA_VALUE_MAX} characters.`);
      else if (hasControlCharacters(pair.value)) issue([pair.row, 'value'], CONTROL_CHARACTERS_MESSAGE);
      seen.add(pair.key);
    }
  })
  .transform((pairs): Record<string, string> => Object.fromEntries(pairs.map((pair) => [pair.key, pair.value])));

/** Zips the form's `metadataKey` / `metadataValue` lists into `metadata` rows before parsing. */
function withMetadataRows(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { metadataKey, metadataValue, ...rest } = input as Record<string, unknown>;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  const keys = list(metadataKey);
  const values = list(metadataValue);
  const rows = Array.from({ length: Math.max(keys.length, values.length) }, (_, row) => ({ row, key: keys[row] ?? '', value: values[row] ?? '' }));
  return { ...rest, metadata: rows };
}

const customerFields = z.object({
  email: z.string().trim().min(1, 'Enter an email address.').max(512, 'Email can be at most 512 characters.').pipe(z.email('Enter a valid email address.')),
  name: optionalText(256, 'Name'),
  phone: optionalText(20, 'Phone').refine((value) => value === undefined || /^\+?[0-9 ().-]{3,20}$/.test(value), 'Enter a phone number of digits, spaces, +, -, ( or ).'),
});

export const createCustomerSchema = z.preprocess(
  withMetadataRows,
  customerFields.extend({ metadata: metadataSchema, idempotencyNonce: z.uuid('Reload the page and try again.') }),
);
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

export const updateCustomerSchema = z.preprocess(
  withMetadataRows,
  customerFields.extend({ metadata: metadataSchema, customerId: z.string().regex(/^cus_[A-Za-z0-9]+$/, 'Unknown customer.') }),
);
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

export const customerSearchSchema = z.object({
  email: z.string().trim().max(512).optional().transform((value) => value || undefined),
  startingAfter: z.string().regex(/^cus_[A-Za-z0-9]+$/).optional().catch(undefined),
  endingBefore: z.string().regex(/^cus_[A-Za-z0-9]+$/).optional().catch(undefined),
});
export type CustomerSearch = z.infer<typeof customerSearchSchema>;
