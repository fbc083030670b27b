import { describe, expect, it } from 'vitest';
import { explainPaymentFailure, describePaymentFailure } from './explain-decline';
import { availableActions, refundableAmount, type ChargeView, type PaymentView, type RefundView } from './payment-view';

const charge = (overrides: Partial<ChargeView> = {}): ChargeView => ({
  id: 'ch_1',
  status: 'succeeded',
  amount: 5000,
  amountCaptured: 5000,
  amountRefunded: 0,
  isCaptured: true,
  isDisputed: false,
  cardBrand: 'visa',
  cardLast4: '4242',
  outcomeType: 'authorized',
  riskLevel: 'normal',
  sellerMessage: 'Payment complete.',
  captureBefore: null,
  isConfirming: false,
  ...overrides,
});

const refund = (amount: number, status: string, id = `re_${amount}_${status}`): RefundView => ({ id, amount, currency: 'usd', status, reason: null, created: 1, isConfirming: false });

describe('refundableAmount', () => {
  it('is everything captured while nothing has been refunded', () => {
    expect(refundableAmount(charge(), [])).toBe(5000);
  });

  it('counts pending refunds as spent, so the same money is never refunded twice', () => {
    expect(refundableAmount(charge({ amountRefunded: 1000 }), [refund(1000, 'succeeded'), refund(1500, 'pending')])).toBe(2500);
  });

  it('gives back what failed or canceled refunds did not return', () => {
    expect(refundableAmount(charge(), [refund(2000, 'failed'), refund(500, 'canceled')])).toBe(5000);
  });

  it('is what was captured after a partial capture released the rest', () => {
    expect(refundableAmount(charge({ amountCaptured: 3000, amountRefunded: 2000 }), [])).toBe(3000);
  });

  it('is nothing for an uncaptured authorization or a failed charge', () => {
    expect(refundableAmount(charge({ isCaptured: false, amountCaptured: 0 }), [])).toBe(0);
    expect(refundableAmount(charge({ status: 'failed' }), [])).toBe(0);
    expect(refundableAmount(null, [])).toBe(0);
  });
});

describe('availableActions', () => {
  const payment = (overrides: Partial<PaymentView>): PaymentView => ({
    id: 'pi_1',
    status: 'succeeded',
    amount: 5000,
    amountCapturable: 0,
    amountReceived: 5000,
    currency: 'usd',
    customerId: 'cus_1',
    description: null,
    metadata: {},
    captureMethod: 'automatic',
    confirmationMethod: 'automatic',
    paymentMethodId: null,
    cancellationReason: null,
    lastPaymentError: null,
    created: 1,
    charge: charge(),
    refunds: [],
    refundable: 5000,
    isConfirming: false,
    ...overrides,
  });

  it('offers no Confirm, Capture or Cancel on a succeeded payment, only Refund', () => {
    expect(availableActions(payment({}))).toEqual({ canCollectInBrowser: false, canConfirm: false, canCapture: false, canCancel: false, canRefund: true });
  });

  it('offers no Capture and no Refund on a canceled payment', () => {
    expect(availableActions(payment({ status: 'canceled', refundable: 0, amountReceived: 0 }))).toMatchObject({ canCapture: false, canCancel: false, canRefund: false });
  });

  it('offers Capture and Cancel on an authorization', () => {
    expect(availableActions(payment({ status: 'requires_capture', amountCapturable: 5000, refundable: 0 }))).toMatchObject({ canCapture: true, canCancel: true, canRefund: false });
  });

  it('offers Confirm only for dashboard-confirmed payments with a customer, and the card step only for browser ones', () => {
    expect(availableActions(payment({ status: 'requires_payment_method', confirmationMethod: 'manual', refundable: 0 }))).toMatchObject({ canConfirm: true, canCollectInBrowser: false });
    expect(availableActions(payment({ status: 'requires_payment_method', confirmationMethod: 'manual', customerId: null, refundable: 0 }))).toMatchObject({ canConfirm: false });
    expect(availableActions(payment({ status: 'requires_payment_method', refundable: 0 }))).toMatchObject({ canConfirm: false, canCollectInBrowser: true });
  });

  it('offers no Refund on a disputed payment', () => {
    expect(availableActions(payment({ charge: charge({ isDisputed: true }) })).canRefund).toBe(false);
  });
});

describe('explainPaymentFailure', () => {
  it('explains the decline code in words after Stripe’s own message', () => {
    const failure = explainPaymentFailure({ message: 'Your card was declined.', code: 'card_declined', decline_code: 'lost_card' });
    expect(describePaymentFailure(failure)).toBe('Your card was declined. (lost_card) The issuer says this card was reported lost. Do not retry it; ask for another way to pay.');
  });

  it('falls back to the error code, then to a general explanation', () => {
    expect(explainPaymentFailure({ message: 'x', code: 'payment_intent_authentication_failure' }).explanation).toMatch(/did not complete the bank’s authentication/);
    expect(explainPaymentFailure({ message: 'x', code: 'something_new' }).explanation).toMatch(/did not go through/);
  });
});
