// Connect in the app: seller onboarding, the account.updated projection with its requirement history, destination
// charges with fees, transfers and payouts, and what a seller may see. Real SDK → sandbox → real database; events are
// read from the sandbox and delivered signed through ingestWebhook.
import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import Stripe from 'stripe';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { destinationChargeSchema, payoutSchema } from '@/lib/connect/connect-input';
import { createDestinationCharge } from '@/lib/connect/create-destination-charge';
import { createPayout } from '@/lib/connect/create-payout';
import { createSourceTransfer } from '@/lib/connect/create-source-transfer';
import { reconcileOrder } from '@/lib/connect/reconcile-order';
import { refundOrderCharge } from '@/lib/connect/refund-order-charge';
import { linkSellerAccount } from '@/lib/connect/link-seller-account';
import { listAbandonedOnboarding } from '@/lib/connect/list-abandoned-onboarding';
import { listRequirementHistory } from '@/lib/connect/list-requirement-history';
import { retrieveSellerOverview } from '@/lib/connect/retrieve-seller-overview';
import { startSellerOnboarding } from '@/lib/connect/start-seller-onboarding';
import { createDb } from '@/lib/db/client';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { formAction, onboardedAccount, openLink, postForm, SELLER } from '../sandbox/connect-helpers';
import { control } from '../sandbox/webhooks-controls';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());
afterEach(() => vi.restoreAllMocks());

const APP_URL = 'http://127.0.0.1:9';
const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const newSeller = (): SessionUser => ({ id: `user_${randomUUID()}`, email: `seller-${randomUUID()}@example.com`, name: 'Sol Seller', role: 'seller' });

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

/** Delivers the account's (or every) event of `types` not yet stored, oldest first, signed, as Stripe would. */
async function deliverEvents(stripe: Stripe, types: string[], options: { objectId?: string } = {}) {
  const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
  const events = (await stripe.events.list({ limit: 100 })).data
    .filter((event) => types.includes(event.type))
    .filter((event) => !options.objectId || (event.data.object as { id?: string }).id === options.objectId)
    .reverse();
  for (const event of events) await deliver(event, secret, stripe);
  return events;
}

async function deliver(event: Stripe.Event, secret: string, stripe: Stripe) {
  const payload = JSON.stringify(event, null, 2);
  const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const answer = await ingestWebhook({ rawBody: Buffer.from(payload), signatureHeader, secrets: [secret] }, db, stripe);
  expect(answer.status).toBe(200);
}

/** Captures everything written to the console while `run` runs. */
async function capturingLogs<T>(run: () => Promise<T>): Promise<{ result: T; logs: string }> {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => {
    lines.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack} ${JSON.stringify(arg)}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, method).mockImplementation(capture);
  const result = await run();
  return { result, logs: lines.join('\n') };
}

/** An onboarded seller account linked to a new seller user, as the seed does. */
async function onboardedSeller(stripe: Stripe) {
  const seller = newSeller();
  const account = await onboardedAccount(stripe);
  await linkSellerAccount({ account, sellerUserId: seller.id }, db);
  await deliverEvents(stripe, ['account.updated'], { objectId: account.id });
  return { seller, account };
}

/** A destination charge for the seller's order, paid with the card whose funds are available at once. */
async function paidDestinationCharge(stripe: Stripe, accountId: string, amount: number, applicationFee: number) {
  const orderReference = `O-${randomUUID().slice(0, 8)}`;
  const created = await createDestinationCharge(
    { accountId, amount, currency: 'usd', applicationFee, orderReference, description: 'Order', idempotencyNonce: randomUUID(), actor: admin },
    { stripe, db },
  );
  // What the Payment Element does in the browser.
  await stripe.paymentIntents.confirm(created.paymentIntentId, { payment_method: 'pm_card_bypassPending', return_url: `${APP_URL}/return` });
  await deliverEvents(stripe, ['payment_intent.succeeded', 'charge.succeeded', 'transfer.created', 'application_fee.created']);
  return created;
}

describe('starting onboarding', () => {
  it('creates the seller’s Express account once, even when a response is lost and the seller retries from two tabs', async () => {
    const key = freshSecretKey('connect');
    const stripe = sandboxStripe(key);
    const seller = newSeller();
    await control(key, 'POST', '/_sandbox/faults', { kind: 'lost_response', mode: '500', method: 'POST', path_prefix: '/v1/accounts' });
    await expect(startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db })).rejects.toBeInstanceOf(Stripe.errors.StripeError);

    const [first, second] = await Promise.all([
      startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db }),
      startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db }),
    ]);
    const third = await startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db });

    expect(second.accountId).toBe(first.accountId);
    expect(third.accountId).toBe(first.accountId);
    const accounts = await stripe.accounts.list({ limit: 10 });
    expect(accounts.data.map((account) => account.id)).toEqual([first.accountId]);
    expect(accounts.data[0]).toMatchObject({ type: 'express', country: 'US', email: seller.email, capabilities: { card_payments: 'inactive', transfers: 'inactive' } });
    const row = await db.connectedAccount.findUnique({ where: { id: first.accountId } });
    expect(row).toMatchObject({ sellerUserId: seller.id, detailsSubmitted: false, source: 'api_response' });
    expect(row?.onboardingStartedAt).toBeInstanceOf(Date);
    expect(await db.auditEntry.count({ where: { actorId: seller.id, action: 'create-connected-account' } })).toBe(1);
    // Each press gets a fresh link (a link is single use), all for the same account.
    expect(new Set([first.url, second.url, third.url]).size).toBe(3);
  });

  it('never stores, logs or audits the onboarding link: it only reaches the redirect', async () => {
    const stripe = sandboxStripe();
    const seller = newSeller();
    const startOnboarding = makeValidatedAction({ getUser: async () => seller })(
      { name: 'start-seller-onboarding', permission: 'connect:onboard', schema: z.object({}) },
      async (_input, { user }): Promise<never> => redirect((await startSellerOnboarding({ seller: user, appUrl: APP_URL }, { stripe, db })).url),
    );

    const { result: thrown, logs } = await capturingLogs(() => startOnboarding(null, form({})).then(() => null, (error: unknown) => error));
    const digest = (thrown as { digest?: string } | null)?.digest ?? '';
    const url = digest.split(';').find((part) => part.startsWith('http')) ?? '';
    expect(url).toMatch(/\/_sandbox\/connect\/onboarding\/[A-Za-z0-9_-]{16,}$/);
    const token = url.split('/').pop()!;
    // The redirect carries a working credential: the hosted onboarding page opens with it.
    expect((await openLink(url)).status).toBe(200);

    const account = await db.connectedAccount.findUniqueOrThrow({ where: { sellerUserId: seller.id } });
    await deliverEvents(stripe, ['account.updated'], { objectId: account.id });
    const stored = JSON.stringify([
      await db.connectedAccount.findMany({ where: { id: account.id } }),
      await db.connectedAccountRequirementChange.findMany({ where: { accountId: account.id } }),
      await db.auditEntry.findMany({ where: { actorId: seller.id } }),
      await db.stripeEvent.findMany({ where: { objectId: account.id } }),
      await db.setting.findMany(),
    ]);
    expect(stored).toContain(account.id);
    expect(stored).not.toContain(token);
    expect(logs).not.toContain(token);
  });
});

describe('following up on onboarding', () => {
  it('lists a seller who left Stripe’s page without submitting for follow-up, and drops them once they finish', async () => {
    const stripe = sandboxStripe();
    const seller = newSeller();
    const { accountId, url } = await startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db });
    const page = await openLink(url);
    expect((await postForm(formAction(page.html, url), {}, 'abandon')).location).toBe(`${APP_URL}/connect/return`);
    const abandoned = await listAbandonedOnboarding({ db });
    expect(abandoned.find((row) => row.id === accountId)).toMatchObject({ sellerEmail: seller.email, status: 'onboarding', currentlyDue: expect.arrayContaining(['external_account']) });

    const again = await startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db });
    expect(again.accountId).toBe(accountId);
    const form = await openLink(again.url);
    await postForm(formAction(form.html, again.url), SELLER, 'submit');
    await deliverEvents(stripe, ['account.updated'], { objectId: accountId });
    expect((await listAbandonedOnboarding({ db })).map((row) => row.id)).not.toContain(accountId);
  });
});

describe('the account.updated projection', () => {
  it('follows onboarding and later requirements, with a history row per update that says what was added or cleared', async () => {
    const key = freshSecretKey('connect');
    const stripe = sandboxStripe(key);
    const seller = newSeller();
    const { accountId, url } = await startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db });
    const page = await openLink(url);
    expect((await postForm(formAction(page.html, url), SELLER, 'submit')).location).toBe(`${APP_URL}/connect/return`);
    await deliverEvents(stripe, ['account.updated'], { objectId: accountId });

    expect(await db.connectedAccount.findUnique({ where: { id: accountId } })).toMatchObject({
      sellerUserId: seller.id,
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      cardPaymentsStatus: 'active',
      transfersStatus: 'active',
      currentlyDue: '',
      disabledReason: null,
      source: 'webhook',
    });

    await control(key, 'POST', `/_sandbox/connect/accounts/${accountId}/requirements`, { currently_due: 'individual.verification.document', past_due: 'true' });
    const events = await deliverEvents(stripe, ['account.updated'], { objectId: accountId });
    expect(await db.connectedAccount.findUnique({ where: { id: accountId } })).toMatchObject({
      chargesEnabled: false,
      payoutsEnabled: false,
      currentlyDue: 'individual.verification.document',
      pastDue: 'individual.verification.document',
      disabledReason: 'requirements.past_due',
    });

    const history = await listRequirementHistory({ accountId }, { db });
    expect(history).toHaveLength(2);
    const [asked, onboarded] = history;
    expect(onboarded).toMatchObject({ added: [], currentlyDue: [], chargesEnabled: true });
    expect(onboarded!.cleared).toEqual(expect.arrayContaining(['external_account', 'tos_acceptance.date', 'individual.first_name']));
    expect(asked).toMatchObject({ added: ['individual.verification.document'], cleared: [], chargesEnabled: false, disabledReason: 'requirements.past_due' });

    // An older update delivered late changes nothing, and a duplicate adds no second history row.
    const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
    const onboardingEvent = events.find((event) => event.id === onboarded!.eventId)!;
    await deliver({ ...onboardingEvent, id: `evt_${randomUUID().replace(/-/g, '')}`, created: onboardingEvent.created - 1 }, secret, stripe);
    await deliver(events.at(-1)!, secret, stripe);
    expect(await db.connectedAccount.findUnique({ where: { id: accountId }, select: { chargesEnabled: true, currentlyDue: true } })).toEqual({ chargesEnabled: false, currentlyDue: 'individual.verification.document' });
    expect(await listRequirementHistory({ accountId }, { db })).toHaveLength(2);
  });
});

describe('Connect events out of order', () => {
  it('never moves a payout, transfer or account backwards, and re-reads an account when two updates share a second', async () => {
    const key = freshSecretKey('connect');
    const stripe = sandboxStripe(key);
    const { account } = await onboardedSeller(stripe);
    await paidDestinationCharge(stripe, account.id, 5_000, 500);
    const payout = await createPayout({ accountId: account.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    const transfer = (await stripe.transfers.list({ destination: account.id, limit: 1 })).data[0]!;
    await stripe.transfers.createReversal(transfer.id, { amount: 1_000 });

    const secret = `whsec_${randomUUID().replace(/-/g, '')}`;
    const events = (await stripe.events.list({ limit: 100 })).data;
    const newestFirst = (type: string) => events.filter((event) => event.type === type);
    for (const event of [...newestFirst('payout.paid'), ...newestFirst('payout.created'), ...newestFirst('transfer.reversed'), ...newestFirst('transfer.created')]) await deliver(event, secret, stripe);
    expect(await db.stripePayout.findUnique({ where: { id: payout.payoutId }, select: { status: true } })).toEqual({ status: 'paid' });
    expect(await db.stripeTransfer.findUnique({ where: { id: transfer.id }, select: { amountReversed: true } })).toEqual({ amountReversed: 1_000 });

    // Stripe asks for more; then an update from the same second, carrying the state before, arrives late: the payload
    // cannot say which came last, so the account is read from Stripe.
    await control(key, 'POST', `/_sandbox/connect/accounts/${account.id}/requirements`, { currently_due: 'individual.verification.document' });
    const [asked] = await deliverEvents(stripe, ['account.updated'], { objectId: account.id }).then((delivered) => delivered.slice(-1));
    const before = await stripe.events.list({ limit: 100 }).then((list) => list.data.find((event) => event.type === 'account.updated' && event.id !== asked!.id && (event.data.object as Stripe.Account).id === account.id)!);
    const late = { ...before, id: `evt_${randomUUID().replace(/-/g, '')}`, created: asked!.created };
    await deliver(late, secret, stripe);
    expect(await db.stripeEvent.findUnique({ where: { id: late.id }, select: { processingResult: true, processingError: true } })).toEqual({
      processingResult: 'applied',
      processingError: 're-read from Stripe: another change in the same second',
    });
    expect(await db.connectedAccount.findUnique({ where: { id: account.id }, select: { currentlyDue: true } })).toEqual({ currentlyDue: 'individual.verification.document' });
  });
});

describe('destination charges, fees, transfers and payouts', () => {
  it('refuses a platform fee equal to or above the amount before asking Stripe', async () => {
    const stripe = sandboxStripe();
    const { account } = await onboardedSeller(stripe);
    const createCharge = makeValidatedAction({ getUser: async () => admin })(
      { name: 'create-destination-charge', permission: 'connect:manage', schema: destinationChargeSchema },
      (input, { user }) => createDestinationCharge({ ...input, actor: user }, { stripe, db }),
    );
    const fields = { accountId: account.id, currency: 'usd', amount: '20.00', orderReference: 'O-1', idempotencyNonce: randomUUID() };
    for (const applicationFee of ['20.00', '25.00']) {
      const result = await createCharge(null, form({ ...fields, applicationFee }));
      expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { applicationFee: 'The platform fee must be less than the amount ($20.00).' } });
    }
    expect((await stripe.paymentIntents.list({ limit: 10 })).data).toHaveLength(0);
    expect(await createCharge(null, form({ ...fields, applicationFee: '19.99' }))).toMatchObject({ ok: true });
  });

  it('takes the fee, transfers the rest to the seller, pays it out and reconciles the order with its refund', async () => {
    const stripe = sandboxStripe();
    const { account } = await onboardedSeller(stripe);
    const { paymentIntentId, transferGroup } = await paidDestinationCharge(stripe, account.id, 10_000, 1_500);

    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    expect(intent).toMatchObject({ application_fee_amount: 1500, on_behalf_of: account.id, transfer_data: { destination: account.id }, transfer_group: transferGroup, status: 'succeeded' });
    let order = await reconcileOrder({ transferGroup }, { db });
    expect(order.charges).toMatchObject([{ amount: 10_000, status: 'succeeded', paymentIntentId }]);
    expect(order.fees).toMatchObject([{ amount: 1500, accountId: account.id }]);
    expect(order.transfers).toMatchObject([{ amount: 10_000, accountId: account.id }]);

    const payout = await createPayout({ accountId: account.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    expect(payout).toMatchObject({ amount: 8_500, currency: 'usd' });
    await deliverEvents(stripe, ['payout.created', 'payout.updated', 'payout.paid']);
    expect(await db.stripePayout.findUnique({ where: { id: payout.payoutId } })).toMatchObject({ accountId: account.id, status: 'paid', amount: 8_500 });

    const chargeId = order.charges[0]!.id;
    const tooMuch = await refundOrderCharge({ chargeId, amount: '100.01', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }).catch((error: unknown) => error);
    expect(tooMuch).toMatchObject({ code: 'invalid_input', message: 'At most $100.00 can still be refunded.' });
    const refundForm = { chargeId, amount: '20.00', idempotencyNonce: randomUUID(), actor: admin };
    const refunded = await refundOrderCharge(refundForm, { stripe, db });
    expect(await refundOrderCharge(refundForm, { stripe, db })).toEqual(refunded);
    expect((await stripe.refunds.list({ charge: chargeId })).data).toHaveLength(1);
    await deliverEvents(stripe, ['charge.refunded', 'refund.created', 'charge.refund.updated', 'transfer.reversed', 'application_fee.refunded', 'transfer.updated']);
    order = await reconcileOrder({ transferGroup }, { db });
    expect(order.refunds).toMatchObject([{ amount: 2_000 }]);
    expect(order.feeRefunds).toMatchObject([{ amount: 300 }]);
    expect(order.transferReversals).toMatchObject([{ amount: 2_000 }]);
    expect(order.payouts).toMatchObject([{ id: payout.payoutId, status: 'paid' }]);
  });

  it('splits one platform charge between two sellers with transfers against it (source_transaction), in its order', async () => {
    const stripe = sandboxStripe();
    const first = await onboardedSeller(stripe);
    const second = await onboardedSeller(stripe);
    const transferGroup = `order_${randomUUID().slice(0, 8)}`;
    const intent = await stripe.paymentIntents.create({ amount: 10_000, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true, transfer_group: transferGroup, allowed_payment_method_types: ['card'] });
    const chargeId = intent.latest_charge as string;

    const split = [
      { accountId: first.account.id, amount: '60.00' },
      { accountId: second.account.id, amount: '30.00' },
    ];
    for (const part of split) {
      const { transferId } = await createSourceTransfer({ chargeId, ...part, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
      expect(await stripe.transfers.retrieve(transferId)).toMatchObject({ destination: part.accountId, source_transaction: chargeId, transfer_group: transferGroup });
    }
    const tooMuch = await createSourceTransfer({ chargeId, accountId: first.account.id, amount: '20.00', idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }).catch((error: unknown) => error);
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    // A charge that paid no seller by itself is refunded from its payment page, not as an order.
    const refusal = await refundOrderCharge({ chargeId, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'conflict' });

    await deliverEvents(stripe, ['charge.succeeded', 'transfer.created']);
    const order = await reconcileOrder({ transferGroup }, { db });
    expect(order.charges).toMatchObject([{ id: chargeId, amount: 10_000 }]);
    expect(order.transfers.map((transfer) => [transfer.accountId, transfer.amount]).sort((a, b) => Number(b[1]) - Number(a[1]))).toEqual([
      [first.account.id, 6_000],
      [second.account.id, 3_000],
    ]);
  });
});

describe('what a seller sees', () => {
  it('shows a seller only their own account, payments and payouts, and refuses them the platform’s actions', async () => {
    const stripe = sandboxStripe();
    const mine = await onboardedSeller(stripe);
    const theirs = await onboardedSeller(stripe);
    await paidDestinationCharge(stripe, mine.account.id, 3_000, 300);
    await paidDestinationCharge(stripe, theirs.account.id, 7_000, 700);
    await createPayout({ accountId: theirs.account.id, idempotencyNonce: randomUUID(), actor: admin }, { stripe, db });
    await deliverEvents(stripe, ['payout.created', 'payout.paid']);

    const overview = await retrieveSellerOverview({ sellerUserId: mine.seller.id }, { db });
    expect(overview.account?.id).toBe(mine.account.id);
    expect(overview.payments).toMatchObject([{ id: expect.stringMatching(/^py_/), received: 3_000, platformFee: 300, net: 2_700 }]);
    expect(overview.payouts).toEqual([]);
    expect((await retrieveSellerOverview({ sellerUserId: theirs.seller.id }, { db })).payouts).toHaveLength(1);

    const asSeller = makeValidatedAction({ getUser: async () => mine.seller });
    const payOut = asSeller({ name: 'create-payout', permission: 'connect:manage', schema: payoutSchema }, (input, { user }) => createPayout({ ...input, actor: user }, { stripe, db }));
    expect(await payOut(null, form({ accountId: theirs.account.id, idempotencyNonce: randomUUID() }))).toMatchObject({ ok: false, code: 'forbidden' });
    const charge = asSeller({ name: 'create-destination-charge', permission: 'connect:manage', schema: destinationChargeSchema }, (input, { user }) => createDestinationCharge({ ...input, actor: user }, { stripe, db }));
    expect(await charge(null, form({ accountId: mine.account.id, amount: '10.00', currency: 'usd', applicationFee: '0', orderReference: 'O-2', idempotencyNonce: randomUUID() }))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
