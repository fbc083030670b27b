import { describe, expect, it } from 'vitest';
import { readSecretKey } from './auth';

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
