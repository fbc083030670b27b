// Why a card could not be set up, in words: Stripe's message plus what its code or decline code means.
import { explainPaymentFailure, type PaymentFailure } from '@/lib/payments/explain-decline';

const SETUP_CODE_MEANINGS: Record<string, string> = {
  setup_intent_authentication_failure: 'The customer did not complete the bank’s authentication (3-D Secure), so the card was not saved. They can try again.',
  setup_attempt_failed: 'The bank refused to save this card. The customer can try again or use another card.',
  setup_intent_setup_attempt_expired: 'The attempt expired before the customer finished it. Start again.',
};

export function explainSetupError(error: { message?: string | null; code?: string | null; decline_code?: string | null }): PaymentFailure {
  const failure = explainPaymentFailure(error);
  const setupMeaning = !error.decline_code && error.code ? SETUP_CODE_MEANINGS[error.code] : undefined;
  return {
    ...failure,
    message: error.message || 'The card could not be set up.',
    explanation: setupMeaning ?? failure.explanation.replace('The payment did not go through.', 'The card was not saved.'),
  };
}

export const SETUP_INTENT_STATUS_MEANINGS: Record<string, string> = {
  requires_payment_method: 'Waiting for a card (the last one failed, or none was given yet)',
  requires_confirmation: 'A card is attached; waiting to be confirmed',
  requires_action: 'Waiting for the customer to authenticate with their bank',
  processing: 'Processing',
  succeeded: 'Set up: the card is saved for future payments',
  canceled: 'Canceled',
};
