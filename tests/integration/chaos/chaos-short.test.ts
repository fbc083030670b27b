// The chaos run in short: every story kind (payments, refunds, disputes with evidence, quotes, invoices and credit
// notes, a Connect seller's destination charges) under API and webhook faults, then a backfill killed midway; then
// zero differences between what was asked, what the sandbox holds and what the projection and the audit log hold.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createUserAccount } from '@/lib/auth/create-user-account';
import { createDb } from '@/lib/db/client';
import { createStripeClient } from '@/lib/stripe/client';
import { compareProjection } from '../../../scripts/chaos/compare-projection';
import { chaosSecretKey, formatChaosSummary, runChaos, STORY_KINDS } from '../../../scripts/chaos/run-chaos';
import { isPostgresUrl, throwAwayDatabase } from '../../../scripts/chaos/throw-away-database';
import { sandboxBase } from '../../support/sandbox';

const databaseUrl = process.env.DATABASE_URL ?? '';
const db = createDb(databaseUrl);
afterAll(() => db.$disconnect());

it('ends with every object equal, every money move once and audited, after faults of every kind and a killed backfill', { timeout: 90_000 }, async () => {
  const secretKey = chaosSecretKey();
  const email = `chaos-${randomUUID()}@paydesk.test`;
  const account = await createUserAccount({ email, name: 'Chaos admin', role: 'admin', password: randomUUID() });
  const stripe = createStripeClient({ secretKey, apiBase: sandboxBase() });
  const backfill = await throwAwayDatabase(isPostgresUrl(databaseUrl) ? databaseUrl : null, 'chaos_short_backfill');
  try {
    const stories = STORY_KINDS.length * 2;
    const summary = await runChaos({
      stripe,
      secretKey,
      sandboxBase: sandboxBase(),
      db,
      actor: { id: account.id, email, name: 'Chaos admin', role: 'admin' },
      stories,
      parallel: 4,
      backfillDatabaseUrl: backfill.url,
    });
    console.log(formatChaosSummary(summary));
    expect(summary.differences).toEqual([]);
    expect(Object.keys(summary.storiesByKind).sort()).toEqual([...new Set(STORY_KINDS)].sort());
    expect(Object.values(summary.faultsInjected).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(summary.compared).toMatchObject({ dispute: 4, credit_note: 8, connected_account: 1, transfer: 4, application_fee: 4 });
    expect(summary.backfill?.unfinishedAfterKill).toBeGreaterThan(0);
  } finally {
    await backfill.remove();
  }
});

it('would notice: a projection row that differs from the sandbox is reported', async () => {
  const secretKey = chaosSecretKey();
  const stripe = createStripeClient({ secretKey, apiBase: sandboxBase() });
  const customer = await stripe.customers.create({ email: 'seen@chaos.test', name: 'Seen' });
  expect((await compareProjection({ stripe, db })).differences).toEqual([`customer ${customer.id}: missing from the projection`]);
  await db.stripeCustomer.create({ data: { id: customer.id, email: 'other@chaos.test', name: 'Seen', created: customer.created, updatedFromEventCreated: customer.created, source: 'sync', raw: JSON.stringify(customer) } });
  expect((await compareProjection({ stripe, db })).differences).toEqual([`customer ${customer.id}: email is "other@chaos.test" in the projection, "seen@chaos.test" in Stripe`]);
});
