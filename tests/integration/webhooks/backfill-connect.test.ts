// The backfill's Connect objects: connected accounts, transfers, application fees and payouts (the platform's own and
// each connected account's, read with Stripe-Account), imported into an empty projection, interrupted in the middle
// of the payouts and resumed, and then equal to the sandbox — without requirement-history rows that say nothing.
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { reconcileRange } from '@/lib/sync/reconcile-range';
import { refreshObject } from '@/lib/sync/refresh-object';
import { runSync, SyncInterrupted, SYNC_PAGE_SIZE } from '@/lib/sync/run-sync';
import { SYNC_OBJECT_TYPES } from '@/lib/sync/sync-object-types';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { createExpressAccount, fundPlatform, onboardedAccount } from '../sandbox/connect-helpers';
import { CARDS_ONLY } from '../sandbox/payment-helpers';
import { control } from '../sandbox/webhooks-controls';
import { expectProjectionEqualsSandbox } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const CONNECT_TYPES = ['connected_account', 'transfer', 'application_fee', 'payout'] as const;
const PLATFORM_PAYOUTS = 60;
const PAYOUTS_PER_ACCOUNT = 50;

/** A paid destination charge with the platform's fee, its funds available at once. */
function destinationCharge(stripe: Stripe, destination: string, amount: number, fee: number): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_bypassPending',
    confirm: true,
    transfer_data: { destination },
    application_fee_amount: fee,
    ...CARDS_ONLY,
  });
}

async function payouts(stripe: Stripe, count: number, account?: string): Promise<void> {
  for (let index = 0; index < count; index += 1) await stripe.payouts.create({ amount: 100 + index, currency: 'usd' }, account ? { stripeAccount: account } : undefined);
}

/**
 * Two onboarded Express accounts and one that left onboarding; destination charges with fees (one refunded with its
 * transfer and fee), a separate transfer with a partial reversal, and 160 payouts: the platform's and both sellers'.
 */
async function seedConnect(stripe: Stripe) {
  const [first, second] = [await onboardedAccount(stripe), await onboardedAccount(stripe)];
  const stuck = await createExpressAccount(stripe, { email: 'stuck@example.com' });
  await destinationCharge(stripe, first.id, 10_000, 1_000);
  const refunded = await destinationCharge(stripe, second.id, 10_000, 500);
  await stripe.refunds.create({ payment_intent: refunded.id, amount: 4_000, reverse_transfer: true, refund_application_fee: true });
  await destinationCharge(stripe, second.id, 8_000, 800);
  await fundPlatform(stripe, 50_000);
  const transfer = await stripe.transfers.create({ amount: 2_500, currency: 'usd', destination: first.id });
  await stripe.transfers.createReversal(transfer.id, { amount: 1_000 });
  await payouts(stripe, PLATFORM_PAYOUTS);
  await payouts(stripe, PAYOUTS_PER_ACCOUNT, first.id);
  await payouts(stripe, PAYOUTS_PER_ACCOUNT, second.id);
  return { first, second, stuck, transfer };
}

describe('backfill of Connect objects', () => {
  it('imports accounts, transfers, fees and every balance’s payouts, interrupted within the payouts and resumed', { timeout: 120_000 }, async () => {
    const stripe = sandboxStripe(freshSecretKey('backfillconnect'));
    const { first, second, stuck } = await seedConnect(stripe);

    const abort = new AbortController();
    const interrupted = runSync(
      { restart: true, signal: abort.signal, onProgress: (progress) => (progress.type === 'payout' ? abort.abort() : undefined) },
      { stripe, db },
    );
    await expect(interrupted).rejects.toBeInstanceOf(SyncInterrupted);
    // The first page held the platform's 60 and 40 of the newest seller's: the cursor names that seller's balance.
    const midway = await db.syncState.findUniqueOrThrow({ where: { objectType: 'payout' } });
    expect(midway).toMatchObject({ status: 'running', done: SYNC_PAGE_SIZE });
    expect(midway.cursor).toMatch(/^acct_[A-Za-z0-9]+\/po_[A-Za-z0-9]+$/);

    const resumed = await runSync({}, { stripe, db });
    expect(resumed.map((line) => [line.type, line.status])).toEqual(SYNC_OBJECT_TYPES.map((type) => [type, 'done']));
    const counts = await expectProjectionEqualsSandbox(stripe, db);
    expect(counts).toMatchObject({ payment_intent: 4, charge: 4, refund: 1, connected_account: 3, transfer: 4, application_fee: 3, payout: PLATFORM_PAYOUTS + 2 * PAYOUTS_PER_ACCOUNT });
    const done = await db.syncState.findMany({ where: { objectType: { in: [...CONNECT_TYPES] } } });
    expect(Object.fromEntries(done.map((state) => [state.objectType, state.done]))).toEqual({ connected_account: 3, transfer: 4, application_fee: 3, payout: 160 });

    // Whose payouts they are, as a connected account's events would say.
    expect([await db.stripePayout.count({ where: { accountId: first.id } }), await db.stripePayout.count({ where: { accountId: second.id } })]).toEqual([PAYOUTS_PER_ACCOUNT, PAYOUTS_PER_ACCOUNT]);
    const platformPayouts = (await stripe.payouts.list({ limit: 100 })).data.map((payout) => payout.id);
    expect(await db.stripePayout.count({ where: { id: { in: platformPayouts }, accountId: null, source: 'sync' } })).toBe(PLATFORM_PAYOUTS);

    expect(await db.connectedAccount.findUnique({ where: { id: first.id } })).toMatchObject({ detailsSubmitted: true, transfersStatus: 'active', currentlyDue: '', source: 'sync' });
    expect(await db.connectedAccount.findUnique({ where: { id: stuck.id } })).toMatchObject({ detailsSubmitted: false, disabledReason: 'requirements.past_due', source: 'sync' });
    const refundedFee = await db.stripeApplicationFee.findFirstOrThrow({ where: { accountId: second.id, amount: 500 } });
    expect(refundedFee).toMatchObject({ amountRefunded: 200, source: 'sync' });
  });

  it('adds requirement history only where a read finds a change, however often the sync runs', { timeout: 60_000 }, async () => {
    const key = freshSecretKey('backfillhistory');
    const stripe = sandboxStripe(key);
    const onboarded = await onboardedAccount(stripe);
    const stuck = await createExpressAccount(stripe);
    const history = () => db.connectedAccountRequirementChange.findMany({ where: { accountId: { in: [onboarded.id, stuck.id] } }, orderBy: { eventCreated: 'asc' } });

    await runSync({ restart: true, types: ['connected_account'] }, { stripe, db });
    // First seen: the onboarded account has nothing due (nothing to say); the other is asked for its details.
    const first = await history();
    expect(first.map((row) => row.accountId)).toEqual([stuck.id]);
    expect(first[0]!.added).toContain('external_account');

    await runSync({ restart: true, types: ['connected_account'] }, { stripe, db });
    await refreshObject({ id: onboarded.id }, { stripe, db });
    expect(await history()).toHaveLength(1);

    // Stripe asks the onboarded seller for more while no webhook reached us: the next read records that step.
    await control(key, 'POST', `/_sandbox/connect/accounts/${onboarded.id}/requirements`, { currently_due: 'individual.verification.document' });
    await runSync({ restart: true, types: ['connected_account'] }, { stripe, db });
    const after = await history();
    expect(after).toHaveLength(2);
    expect(after.find((row) => row.accountId === onboarded.id)).toMatchObject({ added: 'individual.verification.document', cleared: '' });
  });

  it('refreshes a connected account’s payout, a transfer, a fee and the account from Stripe by id, and reconciles them', { timeout: 60_000 }, async () => {
    const stripe = sandboxStripe(freshSecretKey('refreshconnect'));
    const seller = await onboardedAccount(stripe);
    const intent = await destinationCharge(stripe, seller.id, 5_000, 400);
    const payout = await stripe.payouts.create({ amount: 1_000, currency: 'usd' }, { stripeAccount: seller.id });
    const transfer = (await stripe.transfers.list({ destination: seller.id, limit: 1 })).data[0]!;
    const fee = (await stripe.applicationFees.list({ charge: String(intent.latest_charge), limit: 1 })).data[0]!;

    expect(await refreshObject({ id: payout.id }, { stripe, db })).toMatchObject({ type: 'payout', result: 'created' });
    expect(await db.stripePayout.findUnique({ where: { id: payout.id } })).toMatchObject({ accountId: seller.id, status: 'paid', source: 'sync' });
    await db.stripePayout.update({ where: { id: payout.id }, data: { status: 'pending' } });
    expect(await refreshObject({ id: payout.id }, { stripe, db })).toMatchObject({ result: 'repaired', differences: [{ column: 'status', before: 'pending', after: 'paid' }] });
    expect(await refreshObject({ id: transfer.id }, { stripe, db })).toMatchObject({ type: 'transfer', result: 'created' });
    expect(await refreshObject({ id: fee.id }, { stripe, db })).toMatchObject({ type: 'application_fee', result: 'created' });
    expect(await refreshObject({ id: seller.id }, { stripe, db })).toMatchObject({ type: 'connected_account', result: 'created' });
    await expect(refreshObject({ id: 'po_doesnotexist' }, { stripe, db })).rejects.toMatchObject({ code: 'not_found' });

    // Reconciliation lists the same four types over a range and finds nothing left to fix.
    const now = Math.floor(Date.now() / 1000);
    const report = await reconcileRange({ createdFrom: now - 3600, createdTo: now + 60, types: CONNECT_TYPES }, { stripe, db });
    expect(report).toMatchObject({ checked: 4, fixed: [] });
  });
});
