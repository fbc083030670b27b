// Connect stories: one seller invited and onboarded (an Express account, its account link and the sandbox's hosted
// onboarding form), then destination charges with application fees, every other one refunded in part or in full
// with the transfer reversed and the fee given back.
import { randomUUID } from 'node:crypto';
import { createDestinationCharge } from '@/lib/connect/create-destination-charge';
import { inviteSeller } from '@/lib/connect/invite-seller';
import { refundOrderCharge } from '@/lib/connect/refund-order-charge';
import { startSellerOnboarding } from '@/lib/connect/start-seller-onboarding';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { sleep, type StoryContext } from './story-context';

const APP_URL = 'http://127.0.0.1:9';
const SELLER_DETAILS = {
  business_name: 'Chaos Rides',
  first_name: 'Jenny',
  last_name: 'Rosen',
  dob: '1990-04-01',
  routing_number: '110000000',
  account_number: '000123456789',
};

/** The seller's browser on the hosted onboarding page: opens the link and submits the prefilled form. */
async function submitHostedOnboarding(url: string): Promise<void> {
  const page = await fetch(url, { redirect: 'manual' });
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`the onboarding page answered ${page.status} without a form`);
  const done = await fetch(new URL(action, url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...SELLER_DETAILS, action: 'submit' }).toString(),
  });
  if (done.status !== 303) throw new Error(`onboarding answered ${done.status}`);
}

/**
 * Invites a seller, who starts onboarding and submits the hosted form; resolves once the projection (from the
 * account.updated webhook) says the account takes charges, as the dashboard's charge form requires. A webhook lost to
 * the faults is brought in by the missed-event check, as an admin would run it.
 */
export async function onboardSeller(context: StoryContext, onMissedEvents: (count: number) => void): Promise<string> {
  const { stripe, db, actor } = context;
  const email = `seller-${randomUUID()}@chaos.test`;
  const { userId } = await inviteSeller({ email, name: 'Chaos seller', password: randomUUID(), actor }, { db });
  const seller = { id: userId, email, name: 'Chaos seller', role: 'seller' as const };
  const { accountId, url } = await context.setup(() => startSellerOnboarding({ seller, appUrl: APP_URL }, { stripe, db }));
  await context.setup(() => submitHostedOnboarding(url));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = await db.connectedAccount.findUnique({ where: { id: accountId }, select: { chargesEnabled: true } });
    if (row?.chargesEnabled) return accountId;
    if (Date.now() > deadline) {
      const missed = await context.setup(() => ingestMissedEvents({ days: 1 }, { stripe, db }));
      onMissedEvents(missed.missed.length);
      const after = await db.connectedAccount.findUnique({ where: { id: accountId }, select: { chargesEnabled: true } });
      if (after?.chargesEnabled) return accountId;
      throw new Error(`${accountId}: charges not enabled in the projection after onboarding`);
    }
    await sleep(200);
  }
}

export async function connectStory(context: StoryContext, index: number): Promise<void> {
  const { stripe, db, actor } = context;
  const accountId = await context.sellerAccount();
  // Even amounts and fees, so half a refund gives back exactly half the fee.
  const amount = 8000 + 2 * index;
  const applicationFee = 800;
  const charge = await context.submit(
    'create-destination-charge',
    (nonce) =>
      createDestinationCharge(
        { accountId, amount, currency: 'usd', applicationFee, orderReference: `chaos-${index}`, description: `Chaos order ${index}`, idempotencyNonce: nonce, actor },
        { stripe, db },
      ),
    { objectId: accountId },
  );
  // The customer pays in the browser (the Payment Element); the same key, so a retry pays once.
  const paid = await context.setup(() =>
    stripe.paymentIntents.confirm(charge.paymentIntentId, { payment_method: 'pm_card_visa', return_url: `${APP_URL}/paid` }, { idempotencyKey: `chaos-browser-confirm:${charge.paymentIntentId}` }),
  );
  const chargeId = typeof paid.latest_charge === 'string' ? paid.latest_charge : paid.latest_charge?.id;
  if (!chargeId) throw new Error(`${charge.paymentIntentId}: paid without a charge`);
  const refunds: number[] = [];
  const refund = (major: string | undefined, minor: number) =>
    context
      .submit('refund-order-charge', (nonce) => refundOrderCharge({ chargeId, amount: major, idempotencyNonce: nonce, actor }, { stripe, db }), { objectId: chargeId })
      .then(() => refunds.push(minor));
  if (index % 4 === 1) await refund(((amount / 2) / 100).toFixed(2), amount / 2);
  if (index % 4 === 3) await refund(undefined, amount);
  context.ledger.orders.push({ paymentIntentId: charge.paymentIntentId, accountId, amount, applicationFee, refunds });
}
