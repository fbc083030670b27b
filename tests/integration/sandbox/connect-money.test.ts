import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { fundPlatform, onboardedAccount } from './connect-helpers';
import { CARDS_ONLY, stripeError } from './payment-helpers';

const platform = (): Stripe => sandboxStripe(freshSecretKey('connectmoney'));

const usd = (entries: Stripe.Balance.Available[] | Stripe.Balance.Pending[]) => entries.find((entry) => entry.currency === 'usd')?.amount ?? 0;

async function destinationCharge(stripe: Stripe, seller: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}): Promise<Stripe.Charge> {
  const intent = await stripe.paymentIntents.create({
    amount: 10000,
    currency: 'usd',
    transfer_data: { destination: seller },
    on_behalf_of: seller,
    transfer_group: 'ORDER_42',
    payment_method: 'pm_card_visa',
    confirm: true,
    ...CARDS_ONLY,
    ...extra,
  });
  return stripe.charges.retrieve(intent.latest_charge as string);
}

async function eventsFor(stripe: Stripe, type: string, id: string): Promise<Stripe.Event[]> {
  return (await stripe.events.list({ type, limit: 100 })).data.filter((event) => (event.data.object as { id?: string }).id === id);
}

describe('destination charges', () => {
  it('move the payment to the seller and keep the application fee on the platform', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const charge = await destinationCharge(stripe, seller.id, { application_fee_amount: 1230 });
    expect(charge).toMatchObject({ status: 'succeeded', application_fee_amount: 1230, transfer_group: 'ORDER_42', on_behalf_of: seller.id });
    expect(charge.transfer).toMatch(/^tr_/);
    expect(charge.application_fee).toMatch(/^fee_/);

    const transfer = await stripe.transfers.retrieve(charge.transfer as string);
    expectStripeShape(transfer, 'transfer');
    expect(transfer).toMatchObject({ amount: 10000, currency: 'usd', destination: seller.id, source_transaction: charge.id, transfer_group: 'ORDER_42', reversed: false });
    expect(transfer.destination_payment).toMatch(/^py_/);

    const fee = await stripe.applicationFees.retrieve(charge.application_fee as string);
    expectStripeShape(fee, 'application_fee');
    expect(fee).toMatchObject({ amount: 1230, amount_refunded: 0, account: seller.id, originating_transaction: charge.id, charge: transfer.destination_payment, refunded: false });
    expect((await stripe.applicationFees.list({ charge: charge.id })).data.map((listed) => listed.id)).toEqual([fee.id]);
    expect((await stripe.transfers.list({ transfer_group: 'ORDER_42' })).data.map((listed) => listed.id)).toEqual([transfer.id]);

    expect(await eventsFor(stripe, 'transfer.created', transfer.id)).toHaveLength(1);
    expect(await eventsFor(stripe, 'application_fee.created', fee.id)).toHaveLength(1);

    // Card funds are pending for two days: the seller's share less the fee, the platform's fee less Stripe's.
    const sellerBalance = await stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expectStripeShape(sellerBalance, 'balance');
    expect(usd(sellerBalance.pending)).toBe(10000 - 1230);
    expect(usd(sellerBalance.available)).toBe(0);
    const platformBalance = await stripe.balance.retrieve();
    expect(usd(platformBalance.pending)).toBe(1230 - 320);
    const sellerTransactions = await stripe.balanceTransactions.list({}, { stripeAccount: seller.id });
    expect(sellerTransactions.data).toHaveLength(1);
    expect(sellerTransactions.data[0]).toMatchObject({ type: 'payment', amount: 10000, fee: 1230, net: 8770, source: transfer.destination_payment });
    const payment = await stripe.charges.retrieve(transfer.destination_payment as string, {}, { stripeAccount: seller.id });
    expect(payment).toMatchObject({ amount: 10000, source_transfer: transfer.id, application_fee: fee.id, application_fee_amount: 1230, transfer_group: 'ORDER_42' });
  });

  it('transfer_data[amount] sends only that amount to the seller', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const charge = await destinationCharge(stripe, seller.id, { transfer_data: { destination: seller.id, amount: 8000 } });
    expect(charge.application_fee).toBeNull();
    expect(await stripe.transfers.retrieve(charge.transfer as string)).toMatchObject({ amount: 8000, destination: seller.id });
  });

  it('a manually captured destination charge transfers on capture', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const held = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      capture_method: 'manual',
      application_fee_amount: 500,
      transfer_data: { destination: seller.id },
      payment_method: 'pm_card_visa',
      confirm: true,
      ...CARDS_ONLY,
    });
    expect((await stripe.charges.retrieve(held.latest_charge as string)).transfer ?? null).toBeNull();
    await stripe.paymentIntents.capture(held.id, { application_fee_amount: 700 });
    const charge = await stripe.charges.retrieve(held.latest_charge as string);
    expect(await stripe.applicationFees.retrieve(charge.application_fee as string)).toMatchObject({ amount: 700 });
    expect(await stripe.transfers.retrieve(charge.transfer as string)).toMatchObject({ amount: 5000 });
  });

  it('refuses destinations the platform does not have and fees without a destination', async () => {
    const stripe = platform();
    const unknown = await stripeError(() =>
      stripe.paymentIntents.create({ amount: 1000, currency: 'usd', transfer_data: { destination: 'acct_1Unknown' }, ...CARDS_ONLY }),
    );
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'transfer_data[destination]', message: "No such destination: 'acct_1Unknown'" });
    const feeOnly = await stripeError(() => stripe.paymentIntents.create({ amount: 1000, currency: 'usd', application_fee_amount: 100, ...CARDS_ONLY }));
    expect(feeOnly).toMatchObject({ statusCode: 400, param: 'application_fee_amount' });
    expect(feeOnly.message).toContain('Can only apply an application_fee_amount');
  });

  it('a refund with reverse_transfer and refund_application_fee takes the transfer back and returns the fee', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const charge = await destinationCharge(stripe, seller.id, { application_fee_amount: 1000 });
    const refund = await stripe.refunds.create({ charge: charge.id, amount: 5000, reverse_transfer: true, refund_application_fee: true });
    const transfer = await stripe.transfers.retrieve(charge.transfer as string);
    expect(transfer).toMatchObject({ amount_reversed: 5000, reversed: false });
    expect(transfer.reversals.data[0]).toMatchObject({ object: 'transfer_reversal', amount: 5000, source_refund: refund.id });
    expect(refund.transfer_reversal).toBe(transfer.reversals.data[0]!.id);
    // The seller sees the reversal as a refund of its py_ payment.
    const sellerRefund = await stripe.refunds.retrieve(transfer.reversals.data[0]!.destination_payment_refund as string, {}, { stripeAccount: seller.id });
    expect(sellerRefund).toMatchObject({ amount: 5000, charge: transfer.destination_payment, source_transfer_reversal: transfer.reversals.data[0]!.id });
    expect(await stripe.charges.retrieve(transfer.destination_payment as string, {}, { stripeAccount: seller.id })).toMatchObject({ amount_refunded: 5000, refunded: false });
    expectStripeShape(transfer.reversals.data[0], 'transfer_reversal');
    expect(await stripe.applicationFees.retrieve(charge.application_fee as string)).toMatchObject({ amount_refunded: 500, refunded: false });

    await stripe.refunds.create({ charge: charge.id, reverse_transfer: true, refund_application_fee: true });
    expect(await stripe.transfers.retrieve(charge.transfer as string)).toMatchObject({ amount_reversed: 10000, reversed: true });
    const refundedFee = await stripe.applicationFees.retrieve(charge.application_fee as string);
    expect(refundedFee).toMatchObject({ amount_refunded: 1000, refunded: true });
    expectStripeShape(refundedFee.refunds.data[0], 'fee_refund');
    expect(await eventsFor(stripe, 'application_fee.refunded', charge.application_fee as string)).toHaveLength(2);
    expect(await eventsFor(stripe, 'transfer.reversed', transfer.id)).toHaveLength(2);
  });

  it('the platform can refund its fee on its own, up to what remains', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const charge = await destinationCharge(stripe, seller.id, { application_fee_amount: 900 });
    const feeId = charge.application_fee as string;
    const partial = await stripe.applicationFees.createRefund(feeId, { amount: 400, metadata: { reason: 'goodwill' } });
    expectStripeShape(partial, 'fee_refund');
    expect(partial).toMatchObject({ amount: 400, fee: feeId, metadata: { reason: 'goodwill' } });
    const tooMuch = await stripeError(() => stripe.applicationFees.createRefund(feeId, { amount: 600 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount' });
    await stripe.applicationFees.createRefund(feeId);
    expect(await stripe.applicationFees.retrieve(feeId)).toMatchObject({ amount_refunded: 900, refunded: true });
    expect((await stripe.applicationFees.listRefunds(feeId)).data.map((refund) => refund.amount)).toEqual([500, 400]);
    expect((await stripeError(() => stripe.applicationFees.createRefund(feeId))).statusCode).toBe(400);
  });
});

describe('separate charges and transfers', () => {
  it('a transfer needs available funds unless it follows a charge', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const broke = await stripeError(() => stripe.transfers.create({ amount: 1000, currency: 'usd', destination: seller.id }));
    expect(broke).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect(broke.message).toContain('Insufficient funds in Stripe account.');

    await fundPlatform(stripe, 5000);
    const transfer = await stripe.transfers.create({ amount: 3000, currency: 'usd', destination: seller.id, transfer_group: 'ORDER_7', metadata: { order: '7' } });
    expectStripeShape(transfer, 'transfer');
    expect(transfer).toMatchObject({ amount: 3000, source_transaction: null, metadata: { order: '7' } });
    expect(usd((await stripe.balance.retrieve({}, { stripeAccount: seller.id })).available)).toBe(3000);

    const paid = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY });
    const followed = await stripe.transfers.create({ amount: 1500, currency: 'usd', destination: seller.id, source_transaction: paid.latest_charge as string });
    expect(followed.source_transaction).toBe(paid.latest_charge);
    expect(usd((await stripe.balance.retrieve({}, { stripeAccount: seller.id })).pending)).toBe(1500);
    const tooMuch = await stripeError(() => stripe.transfers.create({ amount: 600, currency: 'usd', destination: seller.id, source_transaction: paid.latest_charge as string }));
    expect(tooMuch).toMatchObject({ statusCode: 400, param: 'amount' });

    const updated = await stripe.transfers.update(transfer.id, { description: 'Order 7 payout share' });
    expect(updated.description).toBe('Order 7 payout share');
    expect(await eventsFor(stripe, 'transfer.updated', transfer.id)).toHaveLength(1);
    expect((await stripe.transfers.list({ destination: seller.id })).data.map((listed) => listed.id)).toEqual([followed.id, transfer.id]);
  });

  it('accounts without an active transfers capability cannot receive transfers', async () => {
    const stripe = platform();
    const pending = await stripe.accounts.create({ type: 'express', country: 'US', capabilities: { transfers: { requested: true } } });
    await fundPlatform(stripe, 5000);
    const error = await stripeError(() => stripe.transfers.create({ amount: 100, currency: 'usd', destination: pending.id }));
    expect(error).toMatchObject({ statusCode: 400, code: 'insufficient_capabilities_for_transfer' });
  });
});

describe('payouts', () => {
  it('a connected account pays out its available balance to its bank account', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    await fundPlatform(stripe, 5000);
    await stripe.transfers.create({ amount: 3000, currency: 'usd', destination: seller.id });

    const payout = await stripe.payouts.create({ amount: 2000, currency: 'usd' }, { stripeAccount: seller.id });
    expectStripeShape(payout, 'payout');
    expect(payout).toMatchObject({ amount: 2000, status: 'pending', destination: seller.external_accounts?.data[0]?.id, type: 'bank_account' });
    const paidPayout = await stripe.payouts.retrieve(payout.id, {}, { stripeAccount: seller.id });
    expectStripeShape(paidPayout, 'payout');
    expect(paidPayout).toMatchObject({ status: 'paid' });
    expect(usd((await stripe.balance.retrieve({}, { stripeAccount: seller.id })).available)).toBe(1000);
    expect((await stripe.payouts.list({ status: 'paid' }, { stripeAccount: seller.id })).data.map((listed) => listed.id)).toEqual([payout.id]);

    // The seller's payouts are its own: the platform does not see them without Stripe-Account.
    expect((await stripe.payouts.list()).data).toEqual([]);
    // Their events reach the platform as Connect events.
    const paid = await eventsFor(stripe, 'payout.paid', payout.id);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ account: seller.id, data: { object: { status: 'paid' } } });
    expect((await eventsFor(stripe, 'payout.created', payout.id))[0]).toMatchObject({ account: seller.id, data: { object: { status: 'pending' } } });
    const sellerEvents = await stripe.events.list({ type: 'payout.*' }, { stripeAccount: seller.id });
    expect(sellerEvents.data.map((event) => event.type)).toEqual(['payout.paid', 'payout.updated', 'payout.created']);

    const broke = await stripeError(() => stripe.payouts.create({ amount: 5000, currency: 'usd' }, { stripeAccount: seller.id }));
    expect(broke).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
  });
});

describe('direct charges', () => {
  it('a charge made as the connected account pays its application fee to the platform', async () => {
    const stripe = platform();
    const seller = await onboardedAccount(stripe);
    const intent = await stripe.paymentIntents.create(
      { amount: 4000, currency: 'usd', application_fee_amount: 400, payment_method: 'pm_card_visa', confirm: true, ...CARDS_ONLY },
      { stripeAccount: seller.id },
    );
    expect(intent.status).toBe('succeeded');
    const charge = await stripe.charges.retrieve(intent.latest_charge as string, {}, { stripeAccount: seller.id });
    expect(charge.application_fee).toMatch(/^fee_/);
    expect(await stripe.applicationFees.retrieve(charge.application_fee as string)).toMatchObject({ amount: 400, account: seller.id, charge: charge.id });
    expect((await stripeError(() => stripe.paymentIntents.retrieve(intent.id))).statusCode).toBe(404);
  });
});
