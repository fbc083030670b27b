// Every payment a filter matches as CSV, produced in keyset batches so any number of rows streams in bounded memory.
import 'server-only';
import { toMajorString } from '@/lib/money';
import type { PaymentListFilter } from './list-payments-filter';
import { findPaymentRows, paymentFilterWhere, toListItems, type ListPaymentsDb, type PaymentListItem } from './list-payments';

export const CSV_HEADER = [
  'id',
  'created_utc',
  'status',
  'currency',
  'amount',
  'amount_received',
  'amount_refunded',
  'disputed',
  'customer_id',
  'customer_email',
  'customer_name',
  'description',
] as const;

const BATCH_SIZE = 500;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula; a leading
 * apostrophe makes it text (OWASP "CSV Injection"). Then RFC 4180 quoting for commas, quotes and line breaks.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function toCells(payment: PaymentListItem): string[] {
  const money = (minor: number) => toMajorString(minor, payment.currency);
  return [
    payment.id,
    new Date(payment.created * 1000).toISOString(),
    payment.status,
    payment.currency.toUpperCase(),
    money(payment.amount),
    money(payment.amountReceived),
    money(payment.amountRefunded),
    payment.isDisputed ? 'yes' : 'no',
    payment.customer?.id ?? '',
    payment.customer?.email ?? '',
    payment.customer?.name ?? '',
    payment.description ?? '',
  ];
}

/** The CSV text in chunks: the header, then one chunk per batch of rows. */
export async function* exportPaymentsCsv(options: { filter: PaymentListFilter; batchSize?: number }, db: ListPaymentsDb): AsyncGenerator<string> {
  yield csvLine([...CSV_HEADER]);
  const where = await paymentFilterWhere(options.filter, db);
  if (!where) return;
  const take = options.batchSize ?? BATCH_SIZE;
  let after: { created: number; id: string } | undefined;
  for (;;) {
    const rows = await findPaymentRows(where, { after, take }, db);
    if (rows.length === 0) return;
    const items = await toListItems(rows, db);
    yield items.map((item) => csvLine(toCells(item))).join('');
    if (rows.length < take) return;
    const last = rows.at(-1)!;
    after = { created: last.created, id: last.id };
  }
}

/** The exported file's name, e.g. payments-2026-11-27.csv. */
export function exportFileName(now = new Date()): string {
  return `payments-${now.toISOString().slice(0, 10)}.csv`;
}
