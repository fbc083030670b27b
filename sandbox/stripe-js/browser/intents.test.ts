import { describe, expect, it } from 'vitest';
import { parseClientSecret } from './intents';

describe('parseClientSecret', () => {
  it('tells payment and setup intents apart by their secret', () => {
    expect(parseClientSecret('pi_123_secret_abc', 'stripe.confirmPayment')).toEqual({ kind: 'payment_intent', id: 'pi_123', secret: 'pi_123_secret_abc' });
    expect(parseClientSecret('seti_9_secret_x', 'stripe.confirmSetup').kind).toBe('setup_intent');
  });

  it('throws an IntegrationError for anything else, or for the wrong kind of intent', () => {
    expect(() => parseClientSecret('pi_123', 'stripe.confirmPayment')).toThrow(/clientSecret should be a client secret of the form pi_/);
    expect(() => parseClientSecret(undefined, 'stripe.retrievePaymentIntent')).toThrow(/You specified: undefined/);
    expect(() => parseClientSecret('seti_9_secret_x', 'stripe.confirmPayment', 'payment_intent')).toThrow(/IntegrationError|clientSecret/);
  });
});
