import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from '@/lib/actions/form-data';
import { createCustomerSchema, updateCustomerSchema } from './customer-input';

const nonce = '7f1b0c5e-8a4f-4a57-9d5e-0f5b2b6a1c3d';

function errorsOf(input: Record<string, unknown>) {
  const result = createCustomerSchema.safeParse({ idempotencyNonce: nonce, ...input });
  return result.success ? {} : fieldErrorsFrom(result.error.issues);
}

describe('customer input', () => {
  it('accepts an email alone and turns blank optional fields into undefined', () => {
    const result = createCustomerSchema.parse({ email: ' ada@example.com ', name: '', phone: '', idempotencyNonce: nonce });
    expect(result).toEqual({ email: 'ada@example.com', name: undefined, phone: undefined, metadata: {}, idempotencyNonce: nonce });
  });

  it('rejects a missing or malformed email on the email field', () => {
    expect(errorsOf({ email: '' }).email).toBe('Enter an email address.');
    expect(errorsOf({ email: 'not-an-email' }).email).toBe('Enter a valid email address.');
  });

  it('pairs metadata rows and drops rows left entirely blank', () => {
    const result = createCustomerSchema.parse({
      email: 'a@example.com',
      idempotencyNonce: nonce,
      metadataKey: ['plan', '', 'region'],
      metadataValue: ['pro', '', 'eu'],
    });
    expect(result.metadata).toEqual({ plan: 'pro', region: 'eu' });
  });

  it('accepts a 40-character key and a 500-character value, as Stripe does', () => {
    const result = createCustomerSchema.safeParse({ email: 'a@example.com', idempotencyNonce: nonce, metadataKey: ['k'.repeat(40)], metadataValue: ['v'.repeat(500)] });
    expect(result.success).toBe(true);
  });

  it('blames the exact row for a 41-character key or a 501-character value', () => {
    const errors = errorsOf({ email: 'a@example.com', metadataKey: ['ok', 'k'.repeat(41), 'fine'], metadataValue: ['1', '2', 'v'.repeat(501)] });
    expect(errors['metadata.1.key']).toMatch(/at most 40/);
    expect(errors['metadata.2.value']).toMatch(/at most 500/);
    expect(errors['metadata.0.key']).toBeUndefined();
  });

  it('rejects square brackets in keys, duplicate keys and values without a key', () => {
    const errors = errorsOf({ email: 'a@example.com', metadataKey: ['a[b]', 'dup', 'dup', ''], metadataValue: ['1', '2', '3', 'orphan'] });
    expect(errors['metadata.0.key']).toMatch(/square brackets/);
    expect(errors['metadata.2.key']).toMatch(/already used/);
    expect(errors['metadata.3.key']).toMatch(/key/);
  });

  it('allows 50 metadata pairs and refuses 51', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key${i}`);
    expect(errorsOf({ email: 'a@example.com', metadataKey: keys(50), metadataValue: keys(50) })).toEqual({});
    expect(errorsOf({ email: 'a@example.com', metadataKey: keys(51), metadataValue: keys(51) }).metadata).toMatch(/At most 50/);
  });

  it('reports a bad email and bad metadata together, so the user fixes both at once', () => {
    const errors = errorsOf({ email: 'nope', metadataKey: ['x'.repeat(41)], metadataValue: ['1'] });
    expect(Object.keys(errors).sort()).toEqual(['email', 'metadata.0.key']);
  });

  it('requires a form nonce on create and a customer id on update', () => {
    expect(createCustomerSchema.safeParse({ email: 'a@example.com' }).success).toBe(false);
    expect(updateCustomerSchema.safeParse({ email: 'a@example.com', customerId: 'pi_123' }).success).toBe(false);
    expect(updateCustomerSchema.safeParse({ email: 'a@example.com', customerId: 'cus_123' }).success).toBe(true);
  });
});
