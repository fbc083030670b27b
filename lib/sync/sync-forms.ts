// The Events page's sync and reconciliation forms, checked before they reach lib/sync.
import { z } from 'zod';

// A real calendar day: a bare YYYY-MM-DD pattern lets 2026-13-45 through, which Date.parse turns into NaN.
const day = z.iso.date('Use a date like 2026-11-27.');

export const startSyncSchema = z.object({ restart: z.literal('on').optional() });

export const reconcileRangeSchema = z
  .object({ from: day, to: day })
  .transform(({ from, to }) => ({ createdFrom: Date.parse(`${from}T00:00:00Z`) / 1000, createdTo: Date.parse(`${to}T23:59:59Z`) / 1000 }))
  .refine((range) => range.createdFrom <= range.createdTo, { message: 'The start must not be after the end.', path: ['to'] });

export const refreshObjectSchema = z.object({ objectId: z.string().trim().regex(/^[A-Za-z]+_[A-Za-z0-9_]+$/, 'Enter a Stripe id such as cus_… or pi_….') });

/** The reconciliation form's default range: the 30 days Stripe keeps events for, up to today (UTC dates). */
export function defaultReconcileDays(now = new Date()): { from: string; to: string } {
  return { from: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}
