import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { describeStripeError } from './errors';

describe('describeStripeError', () => {
  it('ignores errors that did not come from Stripe', () => {
    expect(describeStripeError(new Error('boom'))).toBeNull();
  });

  it('shows a card decline in Stripe’s own words', () => {
    const error = new Stripe.errors.StripeCardError({ type: 'card_error', code: 'card_declined', message: 'Your card was declined.' });
    expect(describeStripeError(error)).toMatchObject({ isExpected: true, code: 'card_declined', message: 'Your card was declined.' });
  });

  it('words a missing object for the user instead of echoing the id', () => {
    const error = new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'resource_missing', message: "No such customer: 'cus_x'" });
    expect(describeStripeError(error)).toMatchObject({ isExpected: true, message: 'That no longer exists in Stripe. Reload the page.' });
  });

  it('treats authentication and API failures as unexpected, keeping the request id for the log', () => {
    const error = new Stripe.errors.StripeAuthenticationError({ type: 'invalid_request_error', message: 'Invalid API Key', requestId: 'req_9' });
    expect(describeStripeError(error)).toMatchObject({ isExpected: false, requestId: 'req_9' });
  });
});
