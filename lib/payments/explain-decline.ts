// A failed payment in words a merchant can act on: Stripe's message, plus what its code or decline code means.
// Meanings from Stripe's "Decline codes" and "Error codes" references; no 'server-only': the confirm step uses it too.

const DECLINE_MEANINGS: Record<string, string> = {
  generic_decline: 'The card issuer declined without giving a reason. The customer should call their bank or use another card.',
  insufficient_funds: 'The card does not have enough money or credit left for this amount. The customer can use another card.',
  lost_card: 'The issuer says this card was reported lost. Do not retry it; ask for another way to pay.',
  stolen_card: 'The issuer says this card was reported stolen. Do not retry it; ask for another way to pay.',
  expired_card: 'The card has expired. The customer needs to use a card that is still valid.',
  incorrect_cvc: 'The security code (CVC) does not match the card. The customer should check it and try again.',
  incorrect_number: 'The card number is wrong. The customer should check it and try again.',
  processing_error: 'Something went wrong while the card was processed. Trying again in a little while usually works.',
  fraudulent: 'The payment looked fraudulent and was blocked. Do not retry it.',
  do_not_honor: 'The issuer declined without a reason. The customer should call their bank.',
  card_not_supported: 'This card cannot be used for this kind of purchase. The customer can use another card.',
  currency_not_supported: 'This card cannot pay in this currency.',
  card_velocity_exceeded: 'The customer has reached the limit their bank allows on this card. They can ask their bank or use another card.',
  withdrawal_count_limit_exceeded: 'The customer has reached the limit their bank allows on this card. They can use another card.',
  authentication_required: 'The bank wants the customer to authenticate this payment (3-D Secure). Ask them to pay while present.',
  try_again_later: 'The issuer could not answer right now. Trying again later usually works.',
  pickup_card: 'The issuer asks that the card not be used (it may be reported lost or stolen). Ask for another way to pay.',
  restricted_card: 'The card cannot be used for this payment (it may be reported lost or stolen). Ask for another way to pay.',
  call_issuer: 'The issuer declined without a reason. The customer should call their bank.',
  transaction_not_allowed: 'The bank does not allow this kind of payment on this card. The customer should call their bank.',
};

const CODE_MEANINGS: Record<string, string> = {
  payment_intent_authentication_failure: 'The customer did not complete the bank’s authentication (3-D Secure), so nothing was charged. They can try again.',
  card_declined: 'The card issuer declined the payment.',
  expired_card: DECLINE_MEANINGS.expired_card!,
  incorrect_cvc: DECLINE_MEANINGS.incorrect_cvc!,
  incorrect_number: DECLINE_MEANINGS.incorrect_number!,
  processing_error: DECLINE_MEANINGS.processing_error!,
};

export interface PaymentFailure {
  /** Stripe's own words for the person paying */
  message: string;
  code: string | null;
  declineCode: string | null;
  /** what it means and what to do next */
  explanation: string;
}

export function explainPaymentFailure(error: { message?: string | null; code?: string | null; decline_code?: string | null }): PaymentFailure {
  const code = error.code ?? null;
  const declineCode = error.decline_code ?? null;
  const explanation =
    (declineCode ? DECLINE_MEANINGS[declineCode] : undefined) ??
    (code ? CODE_MEANINGS[code] : undefined) ??
    'The payment did not go through. The customer can try again or use another card.';
  return { message: error.message || 'The payment failed.', code, declineCode, explanation };
}

/** One line for an alert: "Your card has insufficient funds. (insufficient_funds) The card does not have enough…". */
export function describePaymentFailure(failure: PaymentFailure): string {
  const codes = failure.declineCode ?? failure.code;
  return `${failure.message}${codes ? ` (${codes})` : ''} ${failure.explanation}`;
}
