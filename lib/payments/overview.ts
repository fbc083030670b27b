// The Overview's figures per currency over a range of UTC days, from the projection: gross volume, net after
// refunds, succeeded count, refund and dispute rates, and volume per day. Aggregates only; no rows are read.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { LAST_FILTER_DAY } from './list-payments-filter';

export type OverviewDb = Pick<Db, 'stripePaymentIntent' | 'stripeDispute'>;

export interface CurrencyOverview {
  currency: string;
  /** minor units received by payments that succeeded */
  grossVolume: number;
  refunded: number;
  net: number;
  succeededCount: number;
  /** refunded ÷ gross volume, in basis points (1 % = 100) */
  refundRateBps: number;
  /** disputes opened in the range */
  disputeCount: number;
  /** disputes opened ÷ payments succeeded in the range, in basis points */
  disputeRateBps: number;
  /** one entry per day of the range, oldest first; days without volume are 0 */
  daily: { day: string; volume: number }[];
}

export interface OverviewRange {
  /** first day, YYYY-MM-DD (UTC) */
  from: string;
  /** last day, inclusive */
  to: string;
}

const SECONDS_PER_DAY = 86_400;
const MAX_DAYS = 366;
export const DEFAULT_DAYS = 30;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000 / SECONDS_PER_DAY;
const dayString = (day: number): string => new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);

/** The last DEFAULT_DAYS days, today included. */
export function defaultOverviewRange(now = new Date()): OverviewRange {
  const today = Math.floor(now.getTime() / 1000 / SECONDS_PER_DAY);
  return { from: dayString(today - DEFAULT_DAYS + 1), to: dayString(today) };
}

const day = z.iso
  .date('Enter a date as YYYY-MM-DD.')
  .refine((value) => value >= '1970-01-01' && value <= LAST_FILTER_DAY, `Enter a date between 1970-01-01 and ${LAST_FILTER_DAY}.`);

export const overviewRangeSchema = z
  .object({ from: day, to: day })
  .refine((range) => range.from <= range.to, { path: ['to'], message: 'The end date is before the start date.' })
  .refine((range) => dayNumber(range.to) - dayNumber(range.from) < MAX_DAYS, { path: ['to'], message: `Choose at most ${MAX_DAYS} days.` });

const basisPoints = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 10_000) / whole));

export async function getPaymentsOverview(range: OverviewRange, db: OverviewDb): Promise<CurrencyOverview[]> {
  const firstDay = dayNumber(range.from);
  const lastDay = dayNumber(range.to);
  const created = { gte: firstDay * SECONDS_PER_DAY, lt: (lastDay + 1) * SECONDS_PER_DAY };
  const succeeded = { status: 'succeeded', created };
  const [totals, days, disputes] = await Promise.all([
    db.stripePaymentIntent.groupBy({ by: ['currency'], where: succeeded, _sum: { amountReceived: true, amountRefunded: true }, _count: { _all: true } }),
    db.stripePaymentIntent.groupBy({ by: ['currency', 'createdDay'], where: succeeded, _sum: { amountReceived: true } }),
    db.stripeDispute.groupBy({ by: ['currency'], where: { created }, _count: { _all: true } }),
  ]);
  const disputesBy = new Map(disputes.map((row) => [row.currency, row._count._all]));
  const volumeBy = new Map(days.map((row) => [`${row.currency}:${row.createdDay}`, row._sum.amountReceived ?? 0]));
  const currencies = [...new Set([...totals.map((row) => row.currency), ...disputesBy.keys()])];
  return currencies
    .map((currency): CurrencyOverview => {
      const total = totals.find((row) => row.currency === currency);
      const grossVolume = total?._sum.amountReceived ?? 0;
      const refunded = total?._sum.amountRefunded ?? 0;
      const succeededCount = total?._count._all ?? 0;
      const disputeCount = disputesBy.get(currency) ?? 0;
      const daily = Array.from({ length: lastDay - firstDay + 1 }, (_, index) => ({
        day: dayString(firstDay + index),
        volume: volumeBy.get(`${currency}:${firstDay + index}`) ?? 0,
      }));
      return {
        currency,
        grossVolume,
        refunded,
        net: grossVolume - refunded,
        succeededCount,
        refundRateBps: basisPoints(refunded, grossVolume),
        disputeCount,
        disputeRateBps: basisPoints(disputeCount, succeededCount),
        daily,
      };
    })
    .sort((a, b) => b.succeededCount - a.succeededCount || a.currency.localeCompare(b.currency));
}
