import { describe, expect, it } from 'vitest';
import { assertPublishableAllowed, publishableErrorView, publishableView, type PublishableRequest } from './publishable-key';

const request = (overrides: Partial<PublishableRequest>): PublishableRequest => ({
  operation: 'POST /v1/payment_intents/{intent}/confirm',
  pathParams: { intent: 'pi_123' },
  params: { client_secret: 'pi_123_secret_abc' },
  storedClientSecret: () => 'pi_123_secret_abc',
  ...overrides,
});

describe('assertPublishableAllowed', () => {
  it('lets Stripe.js create payment methods and confirm or retrieve an intent with its client secret', () => {
    expect(() => assertPublishableAllowed(request({ operation: 'POST /v1/payment_methods', pathParams: {}, params: {} }))).not.toThrow();
    expect(() => assertPublishableAllowed(request({}))).not.toThrow();
    expect(() => assertPublishableAllowed(request({ operation: 'GET /v1/payment_intents/{intent}' }))).not.toThrow();
  });

  it("refuses every other endpoint with Stripe's publishable-key error", () => {
    expect(() => assertPublishableAllowed(request({ operation: 'POST /v1/customers', pathParams: {}, params: {} }))).toThrow(
      /cannot be made with a publishable API key/,
    );
    expect(() => assertPublishableAllowed(request({ operation: 'POST /v1/payment_intents/{intent}/capture' }))).toThrow(
      /cannot be made with a publishable API key/,
    );
  });

  it('requires the client secret, and the right one', () => {
    expect(() => assertPublishableAllowed(request({ params: {} }))).toThrow('Missing required param: client_secret.');
    expect(() => assertPublishableAllowed(request({ params: { client_secret: 'pi_123_secret_wrong' } }))).toThrow(
      'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
    );
    expect(() => assertPublishableAllowed(request({ params: { client_secret: 'pi_999_secret_abc' }, storedClientSecret: () => undefined }))).toThrow(
      /does not match/,
    );
  });
});

describe('publishableView', () => {
  it('shows a publishable key only the publishable fields of an intent', () => {
    const intent = { id: 'pi_1', object: 'payment_intent', status: 'succeeded', amount: 500, customer: 'cus_1', metadata: { order: '7' } };
    expect(publishableView(intent)).toEqual({ id: 'pi_1', object: 'payment_intent', status: 'succeeded', amount: 500 });
  });

  it('leaves other objects whole', () => {
    const paymentMethod = { id: 'pm_1', object: 'payment_method', customer: null };
    expect(publishableView(paymentMethod)).toBe(paymentMethod);
  });
});

describe('publishableErrorView', () => {
  it('reduces the intent a decline carries', () => {
    const body = { error: { type: 'card_error', code: 'card_declined', payment_intent: { id: 'pi_1', object: 'payment_intent', customer: 'cus_1' } } };
    expect(publishableErrorView(body)).toEqual({ error: { type: 'card_error', code: 'card_declined', payment_intent: { id: 'pi_1', object: 'payment_intent' } } });
  });
});
