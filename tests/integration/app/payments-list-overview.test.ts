// The Overview's figures from the projection: per currency, over a range of UTC days, with days without volume at 0.
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { getPaymentsOverview, overviewRangeSchema } from '@/lib/payments/overview';
import { runTag } from './payments-list-fixtures';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

// A random stretch of days per run (before 2038: the columns are 32-bit seconds), so reruns on one database never meet.
const DAY = 86_400;
const firstDay = Date.parse('2030-01-01T00:00:00Z') / 1000 / DAY + Math.floor(Math.random() * 2_500);
const dayOf = (offset: number): string => new Date((firstDay + offset) * DAY * 1000).toISOString().slice(0, 10);
/** Unix seconds on the day `offset` days after the first, at hh:mm:ss UTC. */
const at = (offset: number, time: string): number => Date.parse(`${dayOf(offset)}T${time}Z`) / 1000;

async function insertIntent(tag: string, index: number, row: { status: string; amount: number; refunded?: number; currency: string; created: number }) {
  await db.stripePaymentIntent.create({
    data: {
      id: `pi_${tag}${index}`,
      status: row.status,
      amount: row.amount,
      amountReceived: row.status === 'succeeded' ? row.amount : 0,
      amountRefunded: row.refunded ?? 0,
      currency: row.currency,
      created: row.created,
      createdDay: Math.floor(row.created / 86_400),
      updatedFromEventCreated: row.created,
      source: 'webhook',
      raw: '{}',
    },
  });
}

describe('the payments overview', () => {
  it('sums volume, refunds and counts per currency inside the range only, with rates and a bar per day', async () => {
    const tag = runTag('overview');
    const rows = [
      { status: 'succeeded', amount: 10_000, refunded: 2_500, currency: 'usd', created: at(0, '00:00:00') },
      { status: 'succeeded', amount: 5_000, currency: 'usd', created: at(0, '23:59:59') },
      { status: 'succeeded', amount: 5_000, currency: 'usd', created: at(2, '12:00:00') },
      { status: 'succeeded', amount: 20_000, currency: 'usd', created: at(2, '12:30:00') },
      // Not counted: not succeeded, or outside the range.
      { status: 'requires_capture', amount: 99_000, currency: 'usd', created: at(1, '10:00:00') },
      { status: 'canceled', amount: 99_000, currency: 'usd', created: at(1, '10:00:00') },
      { status: 'succeeded', amount: 77_700, currency: 'usd', created: at(3, '00:00:00') },
      { status: 'succeeded', amount: 77_700, currency: 'usd', created: at(-1, '23:59:59') },
      { status: 'succeeded', amount: 5_000, refunded: 5_000, currency: 'jpy', created: at(1, '09:00:00') },
    ];
    for (const [index, row] of rows.entries()) await insertIntent(tag, index, row);
    await db.stripeDispute.create({
      data: {
        id: `dp_${tag}`,
        status: 'needs_response',
        reason: 'fraudulent',
        amount: 20_000,
        currency: 'usd',
        chargeId: `ch_${tag}`,
        paymentIntentId: `pi_${tag}3`,
        hasEvidence: false,
        submissionCount: 0,
        created: at(2, '13:00:00'),
        updatedFromEventCreated: at(2, '13:00:00'),
        source: 'webhook',
        raw: '{}',
      },
    });

    const overview = await getPaymentsOverview({ from: dayOf(0), to: dayOf(2) }, db);
    expect(overview).toEqual([
      {
        currency: 'usd',
        grossVolume: 40_000,
        refunded: 2_500,
        net: 37_500,
        succeededCount: 4,
        refundRateBps: 625,
        disputeCount: 1,
        disputeRateBps: 2_500,
        daily: [
          { day: dayOf(0), volume: 15_000 },
          { day: dayOf(1), volume: 0 },
          { day: dayOf(2), volume: 25_000 },
        ],
      },
      {
        currency: 'jpy',
        grossVolume: 5_000,
        refunded: 5_000,
        net: 0,
        succeededCount: 1,
        refundRateBps: 10_000,
        disputeCount: 0,
        disputeRateBps: 0,
        daily: [
          { day: dayOf(0), volume: 0 },
          { day: dayOf(1), volume: 5_000 },
          { day: dayOf(2), volume: 0 },
        ],
      },
    ]);
  });

  it('shows nothing for a range without payments, and refuses reversed or over-long ranges', async () => {
    expect(await getPaymentsOverview({ from: '2037-12-01', to: '2037-12-31' }, db)).toEqual([]);
    expect(overviewRangeSchema.safeParse({ from: '2032-03-03', to: '2032-03-01' }).error?.issues[0]?.message).toBe('The end date is before the start date.');
    expect(overviewRangeSchema.safeParse({ from: '2030-01-01', to: '2031-06-01' }).error?.issues[0]?.message).toBe('Choose at most 366 days.');
    expect(overviewRangeSchema.safeParse({ from: '2038-02-01', to: '2038-02-02' }).error?.issues[0]?.message).toBe('Enter a date between 1970-01-01 and 2038-01-17.');
  });
});
