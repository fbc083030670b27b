// Charges: created by PaymentIntent confirmations (succeeded or failed), captured and refunded through
// them; retrieve and list (customer, payment_intent, transfer_group filters).
import type Stripe from 'stripe';
import { findOr404 } from '../core/crud';
import { paginate } from '../core/list';
import { readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import type { Decline } from '../core/test-cards';
import { publicBaseUrl } from '../hosted/public-url';
import type { Account } from '../store/account';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';

export interface ChargeAttempt {
  paymentIntent: Stripe.PaymentIntent;
  paymentMethod: Stripe.PaymentMethod;
  /** Absent: the issuer approved. */
  decline?: Decline;
  riskLevel: 'normal' | 'elevated' | 'highest';
  /** Authenticated with the sandbox's 3-D Secure page before this charge. */
  threeDSecure: boolean;
}

const RISK_SCORE = { normal: 18, elevated: 72, highest: 94 } as const;

function buildOutcome(attempt: ChargeAttempt): Stripe.Charge.Outcome {
  const { decline } = attempt;
  const base = { advice_code: null, network_advice_code: null, network_decline_code: null };
  if (decline?.blockedByRadar) {
    return {
      ...base,
      network_status: 'not_sent_to_network',
      reason: 'highest_risk_level',
      risk_level: 'highest',
      risk_score: RISK_SCORE.highest,
      seller_message: decline.sellerMessage,
      type: 'blocked',
    };
  }
  if (decline) {
    return {
      ...base,
      network_status: 'declined_by_network',
      reason: decline.declineCode,
      risk_level: attempt.riskLevel,
      risk_score: RISK_SCORE[attempt.riskLevel],
      seller_message: decline.sellerMessage,
      type: 'issuer_declined',
    };
  }
  return {
    ...base,
    network_status: 'approved_by_network',
    reason: null,
    risk_level: attempt.riskLevel,
    risk_score: RISK_SCORE[attempt.riskLevel],
    seller_message: 'Payment complete.',
    type: 'authorized',
  };
}

function cardDetails(attempt: ChargeAttempt): Stripe.Charge.PaymentMethodDetails.Card {
  const card = attempt.paymentMethod.card!;
  const approved = !attempt.decline;
  return {
    amount_authorized: approved ? attempt.paymentIntent.amount : null,
    authorization_code: approved ? '123456' : null,
    brand: card.brand,
    checks: card.checks,
    country: card.country,
    electronic_commerce_indicator: attempt.threeDSecure ? '05' : null,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    extended_authorization: { status: 'disabled' },
    fingerprint: card.fingerprint ?? null,
    funding: card.funding,
    incremental_authorization: { status: 'unavailable' },
    installments: null,
    last4: card.last4,
    mandate: null,
    multicapture: { status: 'unavailable' },
    network: card.brand,
    network_token: { used: false },
    network_transaction_id: approved ? randomAlphanumeric(15) : null,
    overcapture: { maximum_amount_capturable: attempt.paymentIntent.amount, status: 'unavailable' },
    regulated_status: card.regulated_status,
    three_d_secure: attempt.threeDSecure
      ? {
          authentication_flow: 'challenge',
          electronic_commerce_indicator: '05',
          exemption_indicator: null,
          result: 'authenticated',
          result_reason: null,
          transaction_id: null,
          version: '2.2.0',
        }
      : null,
    transaction_link_id: null,
    wallet: null,
  };
}

/** The charge a confirmation produces: succeeded (uncaptured until captured) or failed. */
export function buildCharge(attempt: ChargeAttempt): Stripe.Charge {
  const { paymentIntent: intent, paymentMethod, decline } = attempt;
  const id = newId('ch');
  return {
    id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: intent.application_fee_amount,
    balance_transaction: null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: intent.statement_descriptor ?? `SANDBOX${intent.statement_descriptor_suffix ? `* ${intent.statement_descriptor_suffix}` : ''}`,
    captured: false,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    // Part 2 (disputes) opens disputes on the dispute test cards' charges and sets this.
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: intent.on_behalf_of,
    outcome: buildOutcome(attempt),
    paid: !decline,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: { card: cardDetails(attempt), type: 'card' },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: `${publicBaseUrl()}/_sandbox/receipts/${id}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: intent.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: decline ? 'failed' : 'succeeded',
    transfer_data: intent.transfer_data ? { amount: intent.transfer_data.amount ?? null, destination: intent.transfer_data.destination } : null,
    transfer_group: intent.transfer_group,
  };
}

/**
 * What can still be refunded. A partial capture releases the rest of the authorisation, which Stripe
 * counts in `amount_refunded`; so for a captured charge it is simply amount minus amount_refunded.
 */
export const refundableAmount = (charge: Stripe.Charge): number => (charge.captured ? charge.amount - charge.amount_refunded : 0);

export const findCharge = (account: Account, id: string, param?: string): Stripe.Charge => findOr404(account, 'charge', id, param);

export const charges: ResourceModule = {
  expandable: {
    charge: {
      balance_transaction: 'balance_transaction',
      customer: 'customer',
      payment_intent: 'payment_intent',
    },
  },
  routes: [
    { operation: 'GET /v1/charges/{charge}', handle: (context) => findCharge(context.account, context.pathParams.charge!) },
    {
      operation: 'GET /v1/charges',
      handle(context) {
        const { params } = context;
        const customer = readString(params, 'customer');
        const paymentIntent = readString(params, 'payment_intent');
        const transferGroup = readString(params, 'transfer_group');
        return paginate(context, context.account.all('charge'), {
          noun: 'charge',
          filter: (charge) =>
            (customer === undefined || charge.customer === customer) &&
            (paymentIntent === undefined || charge.payment_intent === paymentIntent) &&
            (transferGroup === undefined || charge.transfer_group === transferGroup),
        });
      },
    },
  ],
};
