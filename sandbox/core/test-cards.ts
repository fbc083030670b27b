// Stripe's documented test cards: card number ↔ magic PaymentMethod id ↔ what happens when charged.
// One table for the API (payment methods, confirmations) and the Stripe.js stand-in.
import type Stripe from 'stripe';

/** A card issuer or Radar refusal, as Stripe reports it in the error, the charge and `last_payment_error`. */
export interface Decline {
  /** The error `code`: `card_declined` for most, the specific code for expired/CVC/processing errors. */
  code: string;
  declineCode: string;
  message: string;
  /** The card field the error points at, where Stripe names one. */
  param?: string;
  sellerMessage: string;
  /** Radar blocks never reach the network. */
  blockedByRadar?: boolean;
}

export type CardBehaviour =
  | { kind: 'succeed'; riskLevel?: 'normal' | 'elevated' | 'highest'; bypassPending?: boolean; dispute?: 'fraudulent' | 'inquiry' }
  | { kind: 'decline'; decline: Decline; attachFails: boolean }
  /** 3-D Secure: `always`, or only when the card was not set up for later use (off-session reuse passes). */
  | { kind: 'authenticate'; when: 'always' | 'unless_set_up' };

export interface TestCard {
  number: string;
  /** The `pm_card_…` id Stripe accepts wherever a PaymentMethod id goes. */
  magicId: string;
  brand: Stripe.PaymentMethod.Card['brand'];
  funding: Stripe.PaymentMethod.Card['funding'];
  country: string;
  behaviour: CardBehaviour;
}

const issuerDecline = (declineCode: string, message: string, sellerMessage: string, extra: Partial<Decline> = {}): Decline => ({
  code: 'card_declined',
  declineCode,
  message,
  sellerMessage,
  ...extra,
});

const GENERIC_SELLER_MESSAGE = 'The bank did not return any further details with this decline.';
const returned = (code: string) => `The bank returned the decline code \`${code}\`.`;

const succeed: CardBehaviour = { kind: 'succeed' };

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', magicId: 'pm_card_visa', brand: 'visa', funding: 'credit', country: 'US', behaviour: succeed },
  { number: '4000056655665556', magicId: 'pm_card_visa_debit', brand: 'visa', funding: 'debit', country: 'US', behaviour: succeed },
  { number: '5555555555554444', magicId: 'pm_card_mastercard', brand: 'mastercard', funding: 'credit', country: 'US', behaviour: succeed },
  { number: '5200828282828210', magicId: 'pm_card_mastercard_debit', brand: 'mastercard', funding: 'debit', country: 'US', behaviour: succeed },
  { number: '5105105105105100', magicId: 'pm_card_mastercard_prepaid', brand: 'mastercard', funding: 'prepaid', country: 'US', behaviour: succeed },
  { number: '378282246310005', magicId: 'pm_card_amex', brand: 'amex', funding: 'credit', country: 'US', behaviour: succeed },
  { number: '6011111111111117', magicId: 'pm_card_discover', brand: 'discover', funding: 'credit', country: 'US', behaviour: succeed },
  { number: '4000000760000002', magicId: 'pm_card_br', brand: 'visa', funding: 'credit', country: 'BR', behaviour: succeed },
  { number: '4000002500000003', magicId: 'pm_card_fr', brand: 'visa', funding: 'credit', country: 'FR', behaviour: succeed },
  { number: '4000008260000000', magicId: 'pm_card_gb', brand: 'visa', funding: 'credit', country: 'GB', behaviour: succeed },
  {
    number: '4000000000000077',
    magicId: 'pm_card_bypassPending',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: { kind: 'succeed', bypassPending: true },
  },
  {
    number: '4000000000000002',
    magicId: 'pm_card_visa_chargeDeclined',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: { kind: 'decline', attachFails: true, decline: issuerDecline('generic_decline', 'Your card was declined.', GENERIC_SELLER_MESSAGE) },
  },
  {
    number: '4000000000009995',
    magicId: 'pm_card_visa_chargeDeclinedInsufficientFunds',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: {
      kind: 'decline',
      attachFails: true,
      decline: issuerDecline('insufficient_funds', 'Your card has insufficient funds.', returned('insufficient_funds')),
    },
  },
  {
    number: '4000000000009987',
    magicId: 'pm_card_visa_chargeDeclinedLostCard',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    // Lost and stolen cards get the generic wording: the customer must not learn why.
    behaviour: { kind: 'decline', attachFails: true, decline: issuerDecline('lost_card', 'Your card was declined.', returned('lost_card')) },
  },
  {
    number: '4000000000009979',
    magicId: 'pm_card_visa_chargeDeclinedStolenCard',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: { kind: 'decline', attachFails: true, decline: issuerDecline('stolen_card', 'Your card was declined.', returned('stolen_card')) },
  },
  {
    number: '4000000000000069',
    magicId: 'pm_card_chargeDeclinedExpiredCard',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: {
      kind: 'decline',
      attachFails: true,
      decline: issuerDecline('expired_card', 'Your card has expired.', returned('expired_card'), { code: 'expired_card', param: 'exp_month' }),
    },
  },
  {
    number: '4000000000000127',
    magicId: 'pm_card_chargeDeclinedIncorrectCvc',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: {
      kind: 'decline',
      attachFails: true,
      decline: issuerDecline('incorrect_cvc', "Your card's security code is incorrect.", returned('incorrect_cvc'), { code: 'incorrect_cvc', param: 'cvc' }),
    },
  },
  {
    number: '4000000000000119',
    magicId: 'pm_card_chargeDeclinedProcessingError',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: {
      kind: 'decline',
      attachFails: true,
      decline: issuerDecline('processing_error', 'An error occurred while processing your card. Try again in a little bit.', returned('processing_error'), {
        code: 'processing_error',
      }),
    },
  },
  {
    number: '4000000000000341',
    magicId: 'pm_card_chargeCustomerFail',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    // Documented: attaching to a customer succeeds, charging it fails.
    behaviour: { kind: 'decline', attachFails: false, decline: issuerDecline('generic_decline', 'Your card was declined.', GENERIC_SELLER_MESSAGE) },
  },
  {
    number: '4100000000000019',
    magicId: 'pm_card_radarBlock',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    // Documented: risk level `highest`, always blocked by Radar whatever the rules.
    behaviour: {
      kind: 'decline',
      attachFails: false,
      decline: issuerDecline('fraudulent', 'Your card was declined.', 'Stripe blocked this payment as too risky.', { blockedByRadar: true }),
    },
  },
  {
    number: '4000002760003184',
    magicId: 'pm_card_authenticationRequired',
    brand: 'visa',
    funding: 'credit',
    country: 'DE',
    behaviour: { kind: 'authenticate', when: 'always' },
  },
  {
    number: '4000002500003155',
    magicId: 'pm_card_authenticationRequiredOnSetup',
    brand: 'visa',
    funding: 'credit',
    country: 'IE',
    behaviour: { kind: 'authenticate', when: 'unless_set_up' },
  },
  {
    number: '4000000000003220',
    magicId: 'pm_card_threeDSecure2Required',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: { kind: 'authenticate', when: 'always' },
  },
  {
    number: '4000000000000259',
    magicId: 'pm_card_createDispute',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    // Part 2 (disputes) opens a fraudulent dispute after the charge succeeds; the charge itself succeeds.
    behaviour: { kind: 'succeed', dispute: 'fraudulent' },
  },
  {
    number: '4000000000001976',
    magicId: 'pm_card_createDisputeInquiry',
    brand: 'visa',
    funding: 'credit',
    country: 'US',
    behaviour: { kind: 'succeed', dispute: 'inquiry' },
  },
];

const BY_NUMBER = new Map(TEST_CARDS.map((card) => [card.number, card]));
const BY_MAGIC_ID = new Map(TEST_CARDS.map((card) => [card.magicId, card]));

export const findTestCardByNumber = (number: string): TestCard | undefined => BY_NUMBER.get(number.replace(/[\s-]/g, ''));
export const findTestCardByMagicId = (id: string): TestCard | undefined => BY_MAGIC_ID.get(id);

/**
 * What happens to a number that is not a test card but passes the Luhn check: Stripe's test mode
 * declines real card numbers.
 */
export const LIVE_CARD_IN_TEST_MODE: Decline = issuerDecline(
  'test_mode_live_card',
  'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  GENERIC_SELLER_MESSAGE,
);

/** Brand from the number's prefix, for numbers outside the table. */
export function brandOfNumber(number: string): Stripe.PaymentMethod.Card['brand'] {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  if (/^35/.test(number)) return 'jcb';
  if (/^3(0|6|8)/.test(number)) return 'diners';
  return 'unknown';
}

/** The Luhn checksum every card number carries; Stripe answers `incorrect_number` when it fails. */
export function passesLuhn(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
