// The Overview's figures from the projection: per currency, over a range of UTC days, with days without volume at 0.
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { getPaymentsOverview, overviewRangeSchema } from '@/lib/payments/overview';
import { runTag } from './payments-list-fixtures';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const at = (isoTime: string): number => Date.parse(isoTime) / 1000;

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
      { status: 'succeeded', amount: 10_000, refunded: 2_500, currency: 'usd', created: at('2032-03-01T00:00:00Z') },
      { status: 'succeeded', amount: 5_000, currency: 'usd', created: at('2032-03-01T23:59:59Z') },
      { status: 'succeeded', amount: 5_000, currency: 'usd', created: at('2032-03-03T12:00:00Z') },
      { status: 'succeeded', amount: 20_000, currency: 'usd', created: at('2032-03-03T12:30:00Z') },
      // Not counted: not succeeded, or outside the range.
      { status: 'requires_capture', amount: 99_000, currency: 'usd', created: at('2032-03-02T10:00:00Z') },
      { status: 'canceled', amount: 99_000, currency: 'usd', created: at('2032-03-02T10:00:00Z') },
      { status: 'succeeded', amount: 77_700, currency: 'usd', created: at('2032-03-04T00:00:00Z') },
      { status: 'succeeded', amount: 77_700, currency: 'usd', created: at('2032-02-29T23:59:59Z') },
      { status: 'succeeded', amount: 5_000, refunded: 5_000, currency: 'jpy', created: at('2032-03-02T09:00:00Z') },
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
        created: at('2032-03-03T13:00:00Z'),
        updatedFromEventCreated: at('2032-03-03T13:00:00Z'),
        source: 'webhook',
        raw: '{}',
      },
    });

    const overview = await getPaymentsOverview({ from: '2032-03-01', to: '2032-03-03' }, db);
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
          { day: '2032-03-01', volume: 15_000 },
          { day: '2032-03-02', volume: 0 },
          { day: '2032-03-03', volume: 25_000 },
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
          { day: '2032-03-01', volume: 0 },
          { day: '2032-03-02', volume: 5_000 },
          { day: '2032-03-03', volume: 0 },
        ],
      },
    ]);
  });

  it('shows nothing for a range without payments, and refuses reversed or over-long ranges', async () => {
    expect(await getPaymentsOverview({ from: '2041-01-01', to: '2041-01-31' }, db)).toEqual([]);
    expect(overviewRangeSchema.safeParse({ from: '2032-03-03', to: '2032-03-01' }).error?.issues[0]?.message).toBe('The end date is before the start date.');
    expect(overviewRangeSchema.safeParse({ from: '2030-01-01', to: '2031-06-01' }).error?.issues[0]?.message).toBe('Choose at most 366 days.');
  });
});
