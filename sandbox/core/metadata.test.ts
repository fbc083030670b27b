import { describe, expect, it } from 'vitest';
import { StripeApiError } from '../http/stripe-error';
import { applyMetadata } from './metadata';

describe('applyMetadata', () => {
  it('merges new keys into the existing metadata', () => {
    expect(applyMetadata({ a: '1' }, { metadata: { b: '2' } })).toEqual({ a: '1', b: '2' });
  });

  it('unsets a key sent with an empty value and clears everything on metadata=""', () => {
    expect(applyMetadata({ a: '1', b: '2' }, { metadata: { a: '' } })).toEqual({ b: '2' });
    expect(applyMetadata({ a: '1' }, { metadata: '' })).toEqual({});
  });

  it('refuses a 51st key, a key over 40 characters and a value over 500', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(() => applyMetadata(fifty, { metadata: { extra: 'v' } })).toThrow(/up to 50 keys, but you've set 51/);
    expect(() => applyMetadata({}, { metadata: { ['k'.repeat(41)]: 'v' } })).toThrow(StripeApiError);
    expect(() => applyMetadata({}, { metadata: { k: 'v'.repeat(501) } })).toThrow(/under 500 characters/);
    expect(applyMetadata({}, { metadata: { ['k'.repeat(40)]: 'v'.repeat(500) } })).toHaveProperty('k'.repeat(40));
  });
});
