// Builds card PaymentMethods from raw test numbers or magic `pm_card_…` ids, and tells which test
// card (and so which outcome) a stored PaymentMethod stands for.
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { parameterMissing, StripeApiError } from '../http/stripe-error';
import { newId, nowSeconds } from '../store/ids';
import { previousAttributes, recordEvent, type EventSource } from './events';
import { buildAddress } from './shapes';
import { applyMetadata } from './metadata';
import { readInteger, readObject, readString } from './read-params';
import type { ParamObject } from '../params/validate-params';
import {
  brandOfNumber,
  findTestCardByMagicId,
  findTestCardByNumber,
  LIVE_CARD_IN_TEST_MODE,
  passesLuhn,
  TEST_CARDS,
  type CardBehaviour,
  type TestCard,
} from './test-cards';

/** Stripe's fingerprint is stable per card number; here a hash of it, so the behaviour can be found again. */
export function fingerprintOf(number: string): string {
  const digest = createHash('sha256').update(`sandbox-card:${number}`).digest('base64url');
  return digest.replace(/[-_]/g, '').slice(0, 16);
}

const CARD_BY_FINGERPRINT = new Map(TEST_CARDS.map((card) => [fingerprintOf(card.number), card]));

/** The test card behind a PaymentMethod, or null for a number outside the table. */
export function testCardOf(paymentMethod: Stripe.PaymentMethod): TestCard | null {
  const fingerprint = paymentMethod.card?.fingerprint;
  return (fingerprint && CARD_BY_FINGERPRINT.get(fingerprint)) || null;
}

/** Real (non-test) card numbers are declined in test mode. */
export function behaviourOf(paymentMethod: Stripe.PaymentMethod): CardBehaviour {
  return testCardOf(paymentMethod)?.behaviour ?? { kind: 'decline', decline: LIVE_CARD_IN_TEST_MODE, attachFails: false };
}

const cardError = (code: string, message: string, param: string) => new StripeApiError(402, { type: 'card_error', code, message, param });

interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
}

/** Stripe's own checks on raw card details, each a 402 `card_error` naming the field. */
function checkCardInput(input: CardInput): void {
  if (!passesLuhn(input.number)) throw cardError('incorrect_number', 'Your card number is incorrect.', 'number');
  if (input.expMonth < 1 || input.expMonth > 12) throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", 'exp_month');
  const now = new Date();
  const year = input.expYear < 100 ? 2000 + input.expYear : input.expYear;
  if (year < now.getUTCFullYear() || year > now.getUTCFullYear() + 50) {
    throw cardError('invalid_expiry_year', "Your card's expiration year is invalid.", 'exp_year');
  }
  if (year === now.getUTCFullYear() && input.expMonth < now.getUTCMonth() + 1) {
    throw cardError('invalid_expiry_month', "Your card's expiration month is invalid.", 'exp_month');
  }
  const cvcLength = brandOfNumber(input.number) === 'amex' ? 4 : 3;
  if (input.cvc !== undefined && !new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc)) {
    throw cardError('invalid_cvc', "Your card's security code is invalid.", 'cvc');
  }
}

function buildCard(number: string, expMonth: number, expYear: number, cvcGiven: boolean): Stripe.PaymentMethod.Card {
  const known = findTestCardByNumber(number);
  const brand = known?.brand ?? brandOfNumber(number);
  return {
    brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: cvcGiven ? 'pass' : null },
    country: known?.country ?? 'US',
    display_brand: brand === 'amex' ? 'american_express' : brand,
    exp_month: expMonth,
    exp_year: expYear < 100 ? 2000 + expYear : expYear,
    fingerprint: fingerprintOf(number),
    funding: known?.funding ?? 'credit',
    generated_from: null,
    last4: number.slice(-4),
    networks: { available: [brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

function blankPaymentMethod(card: Stripe.PaymentMethod.Card, billingDetails?: ParamObject, metadata: Stripe.Metadata = {}): Stripe.PaymentMethod {
  return {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address: buildAddress(billingDetails ? readObject(billingDetails, 'address') : undefined),
      email: (billingDetails && readString(billingDetails, 'email')) || null,
      name: (billingDetails && readString(billingDetails, 'name')) || null,
      phone: (billingDetails && readString(billingDetails, 'phone')) || null,
      tax_id: null,
    },
    card,
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata,
    type: 'card',
  };
}

/** `POST /v1/payment_methods` with `type=card` and `card[number|exp_month|exp_year|cvc]`. */
export function buildCardPaymentMethodFromParams(params: ParamObject): Stripe.PaymentMethod {
  const card = readObject(params, 'card') ?? {};
  const number = (readString(card, 'number') ?? '').replace(/[\s-]/g, '');
  const expMonth = readInteger(card, 'exp_month');
  const expYear = readInteger(card, 'exp_year');
  const cvc = readString(card, 'cvc');
  if (!number) throw parameterMissing('card[number]');
  if (expMonth === undefined) throw parameterMissing('card[exp_month]');
  if (expYear === undefined) throw parameterMissing('card[exp_year]');
  checkCardInput({ number, expMonth, expYear, cvc });
  const built = buildCard(number, expMonth, expYear, cvc !== undefined);
  return blankPaymentMethod(built, readObject(params, 'billing_details'), applyMetadata({}, params));
}

/** A fresh PaymentMethod for a magic id (Stripe makes a new `pm_…` each time one is used), or undefined. */
export function buildFromMagicId(id: string): Stripe.PaymentMethod | undefined {
  const card = findTestCardByMagicId(id);
  if (!card) return undefined;
  // Magic ids carry no expiry; Stripe gives them one a year or more ahead.
  const now = new Date();
  return blankPaymentMethod(buildCard(card.number, now.getUTCMonth() + 1, now.getUTCFullYear() + 1, true));
}

/** Stores `paymentMethod` as attached to `customerId` and records `payment_method.attached`. */
export function saveAttachment(source: EventSource, paymentMethod: Stripe.PaymentMethod, customerId: string): Stripe.PaymentMethod {
  const attached = source.account.put('payment_method', { ...paymentMethod, customer: customerId });
  recordEvent(source, 'payment_method.attached', attached, previousAttributes(paymentMethod, attached));
  return attached;
}
