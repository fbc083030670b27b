// The chaos run in short: a few payment stories under API and webhook faults, then zero differences between
// what was asked, what the sandbox holds and what the projection and the audit log hold.
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createUserAccount } from '@/lib/auth/create-user-account';
import { createDb } from '@/lib/db/client';
import { createStripeClient } from '@/lib/stripe/client';
import { compareProjection } from '../../../scripts/chaos/compare-projection';
import { chaosSecretKey, formatChaosSummary, runChaos } from '../../../scripts/chaos/run-chaos';
import { sandboxBase } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

it('ends with every object equal, every money move once and audited, after faults of every kind', { timeout: 60_000 }, async () => {
  const secretKey = chaosSecretKey();
  const email = `chaos-${randomUUID()}@paydesk.test`;
  const account = await createUserAccount({ email, name: 'Chaos admin', role: 'admin', password: randomUUID() });
  const stripe = createStripeClient({ secretKey, apiBase: sandboxBase() });
  const summary = await runChaos({
    stripe,
    secretKey,
    sandboxBase: sandboxBase(),
    db,
    actor: { id: account.id, email, name: 'Chaos admin', role: 'admin' },
    payments: 12,
    parallel: 4,
  });
  console.log(formatChaosSummary(summary));
  expect(summary.differences).toEqual([]);
  expect(summary.operationsAttempted).toBeGreaterThanOrEqual(12 * 4);
  expect(Object.values(summary.faultsInjected).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  expect(summary.compared.payment_intent).toBe(12);
});

it('would notice: a projection row that differs from the sandbox is reported', async () => {
  const secretKey = chaosSecretKey();
  const stripe = createStripeClient({ secretKey, apiBase: sandboxBase() });
  const customer = await stripe.customers.create({ email: 'seen@chaos.test', name: 'Seen' });
  expect((await compareProjection({ stripe, db })).differences).toEqual([`customer ${customer.id}: missing from the projection`]);
  await db.stripeCustomer.create({ data: { id: customer.id, email: 'other@chaos.test', name: 'Seen', created: customer.created, updatedFromEventCreated: customer.created, source: 'sync', raw: JSON.stringify(customer) } });
  expect((await compareProjection({ stripe, db })).differences).toEqual([`customer ${customer.id}: email is "other@chaos.test" in the projection, "seen@chaos.test" in Stripe`]);
});
