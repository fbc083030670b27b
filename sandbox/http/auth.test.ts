import { describe, expect, it } from 'vitest';
import { readApiKey, readSecretKey } from './auth';

describe('readSecretKey', () => {
  it('accepts a bearer test key and basic auth with the key as user', () => {
    expect(readSecretKey('Bearer sk_test_abc123')).toBe('sk_test_abc123');
    expect(readSecretKey(`Basic ${Buffer.from('sk_test_abc123:').toString('base64')}`)).toBe('sk_test_abc123');
  });

  it('explains a missing key and masks an invalid one', () => {
    expect(() => readSecretKey(undefined)).toThrow(/You did not provide an API key/);
    expect(() => readSecretKey('Bearer sk_live_abcdefgh1234')).toThrow('Invalid API Key provided: sk_live_********1234');
  });
});

describe('readApiKey', () => {
  it('maps a publishable key to the account of its secret twin, from the header or the key parameter', () => {
    expect(readApiKey('Bearer pk_test_paydesk_sandbox', undefined)).toEqual({ accountKey: 'sk_test_paydesk_sandbox', isPublishable: true });
    expect(readApiKey(undefined, 'pk_test_paydesk_sandbox')).toEqual({ accountKey: 'sk_test_paydesk_sandbox', isPublishable: true });
  });

  it('keeps secret keys as they are and prefers the header over the key parameter', () => {
    expect(readApiKey('Bearer sk_test_abc', 'pk_test_other')).toEqual({ accountKey: 'sk_test_abc', isPublishable: false });
  });

  it('rejects live and malformed publishable keys with a masked message', () => {
    expect(() => readApiKey(undefined, 'pk_live_abcdefgh1234')).toThrow('Invalid API Key provided: pk_live_********1234');
    expect(() => readApiKey('Bearer pk_test_bad-key', undefined)).toThrow(/Invalid API Key provided/);
  });
});
