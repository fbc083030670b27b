// The quote forms' rules, shared by the forms (client) and the server actions.
import { z } from 'zod';
import { currencySchema, parseMajorAmount } from '@/lib/money';
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/plain-text';

/** How an inline price bills: once, or every interval (Stripe's `recurring.interval`). */
export const QUOTE_LINE_INTERVALS = ['one_time', 'day', 'week', 'month', 'year'] as const;
export type QuoteLineInterval = (typeof QUOTE_LINE_INTERVALS)[number];
export const INTERVAL_LABELS: Record<QuoteLineInterval, string> = {
  one_time: 'One-time',
  day: 'Daily',
  week: 'Weekly',
  month: 'Monthly',
  year: 'Yearly',
};

/** Rows the new-quote form offers; empty rows are skipped. */
export const QUOTE_FORM_ROWS = 3;
export const QUOTE_MAX_EXPIRY_DAYS = 365;
const MAX_QUANTITY = 1_000_000;

export type QuoteLineInput =
  | { row: number; kind: 'price'; priceId: string; quantity: number }
  | { row: number; kind: 'inline'; productName: string; unitAmount: number; interval: QuoteLineInterval; quantity: number };

const nonce = z.uuid('Reload the page and try again.');
const quoteId = z.string().regex(/^qt_[A-Za-z0-9_]+$/, 'Unknown quote.');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** Zips the form's per-row lists (`linePrice[]`, `lineProduct[]`, …) into rows. */
function withLineRows(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { linePrice, lineProduct, lineUnitAmount, lineInterval, lineQuantity, ...rest } = input as Record<string, unknown>;
  const columns = { priceId: list(linePrice), productName: list(lineProduct), unitAmount: list(lineUnitAmount), interval: list(lineInterval), quantity: list(lineQuantity) };
  const count = Math.max(...Object.values(columns).map((column) => column.length));
  const rows = Array.from({ length: count }, (_, row) => ({
    row,
    priceId: (columns.priceId[row] ?? '').trim(),
    productName: (columns.productName[row] ?? '').trim(),
    unitAmount: (columns.unitAmount[row] ?? '').trim(),
    interval: columns.interval[row] || 'one_time',
    quantity: (columns.quantity[row] ?? '').trim(),
  }));
  return { ...rest, lines: rows };
}

const rawLine = z.object({ row: z.number(), priceId: z.string(), productName: z.string(), unitAmount: z.string(), interval: z.string(), quantity: z.string() });

export const createQuoteSchema = z.preprocess(
  withLineRows,
  z
    .object({
      customerId: z.string().trim().regex(/^cus_[A-Za-z0-9_]+$/, 'Choose a customer from the list.'),
      currency: currencySchema,
      expiresInDays: z
        .string()
        .trim()
        // Digits, a point or a sign only (those get the messages below): z.coerce.number reads "0x10" as 16, "1e2" as 100.
        .regex(/^[\d.-]*$/, 'Enter a number of days, like 30.')
        .optional()
        .transform((value) => value || undefined)
        .pipe(z.coerce.number<string | undefined>('Enter a number of days.').int('Enter whole days.').min(1, 'At least 1 day.').max(QUOTE_MAX_EXPIRY_DAYS, `At most ${QUOTE_MAX_EXPIRY_DAYS} days.`).optional()),
      description: z
        .string()
        .trim()
        .max(500, 'The description can be at most 500 characters.')
        .refine((value) => !hasControlCharacters(value), CONTROL_CHARACTERS_MESSAGE)
        .optional()
        .transform((value) => value || undefined),
      lines: z.array(rawLine).max(20, 'At most 20 lines.'),
      idempotencyNonce: nonce,
    })
    .transform((input, context) => {
      const lines: QuoteLineInput[] = [];
      let hasLineIssue = false;
      const addIssue = (path: (string | number)[], message: string) => {
        hasLineIssue = true;
        context.addIssue({ code: 'custom', path, message });
      };
      for (const line of input.lines) {
        if (!line.priceId && !line.productName && !line.unitAmount) continue;
        const path = (field: string) => ['lines', line.row, field];
        const quantity = line.quantity === '' ? 1 : Number(line.quantity);
        if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
          addIssue(path('quantity'), 'Enter a whole quantity of at least 1.');
          continue;
        }
        if (line.priceId) {
          if (!/^price_[A-Za-z0-9_]+$/.test(line.priceId)) addIssue(path('priceId'), 'Choose a price from the list.');
          else lines.push({ row: line.row, kind: 'price', priceId: line.priceId, quantity });
          continue;
        }
        if (!line.productName) addIssue(path('productName'), 'Name what is sold, or choose an existing price.');
        else if (line.productName.length > 250) addIssue(path('productName'), 'At most 250 characters.');
        else if (hasControlCharacters(line.productName)) addIssue(path('productName'), CONTROL_CHARACTERS_MESSAGE);
        const amount = parseMajorAmount(line.unitAmount, input.currency, { allowZero: true });
        if (!amount.ok) addIssue(path('unitAmount'), amount.message);
        const interval = QUOTE_LINE_INTERVALS.find((value) => value === line.interval);
        if (!interval) addIssue(path('interval'), 'Choose how often it is billed.');
        if (line.productName && line.productName.length <= 250 && !hasControlCharacters(line.productName) && amount.ok && interval) {
          lines.push({ row: line.row, kind: 'inline', productName: line.productName, unitAmount: amount.minor, interval, quantity });
        }
      }
      if (lines.length === 0 && !hasLineIssue) {
        context.addIssue({ code: 'custom', path: ['lines'], message: 'Add at least one line: an existing price or a new one.' });
      }
      const recurring = new Set(lines.flatMap((line) => (line.kind === 'inline' && line.interval !== 'one_time' ? [line.interval] : [])));
      if (recurring.size > 1) context.addIssue({ code: 'custom', path: ['lines'], message: 'A quote bills every recurring line on one interval; choose the same one for all.' });
      return { ...input, lines };
    }),
);
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

export const quoteActionSchema = z.object({ quoteId, idempotencyNonce: nonce });
