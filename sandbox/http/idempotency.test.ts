import { describe, expect, it } from 'vitest';
import { Account } from '../store/account';
import { beginIdempotent, finishIdempotent, IDEMPOTENCY_TTL_MS, releaseIdempotent } from './idempotency';
import { StripeApiError } from './stripe-error';

const statusOf = (run: () => unknown): number => {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error.status;
  }
  return 0;
};

describe('idempotency keys', () => {
  it('replays the stored result for the same parameters in any order', () => {
    const account = new Account('sk_test_a', undefined);
    expect(beginIdempotent(account, 'k1', '/v1/customers', { a: '1', b: '2' }, 0)).toEqual({ kind: 'execute' });
    finishIdempotent(account, 'k1', 200, '{"id":"cus_1"}', 0);
    expect(beginIdempotent(account, 'k1', '/v1/customers', { b: '2', a: '1' }, 10)).toEqual({ kind: 'replay', status: 200, body: '{"id":"cus_1"}' });
  });

  it('refuses the same key with other parameters or another endpoint', () => {
    const account = new Account('sk_test_a', undefined);
    beginIdempotent(account, 'k1', '/v1/customers', { a: '1' }, 0);
    finishIdempotent(account, 'k1', 200, '{}', 0);
    expect(statusOf(() => beginIdempotent(account, 'k1', '/v1/customers', { a: '2' }, 1))).toBe(400);
    expect(statusOf(() => beginIdempotent(account, 'k1', '/v1/products', { a: '1' }, 1))).toBe(400);
  });

  it('answers 409 while the first request with the key is still running', () => {
    const account = new Account('sk_test_a', undefined);
    beginIdempotent(account, 'k1', '/v1/customers', {}, 0);
    expect(statusOf(() => beginIdempotent(account, 'k1', '/v1/customers', {}, 1))).toBe(409);
  });

  it('forgets a key after 24 hours and after a released reservation', () => {
    const account = new Account('sk_test_a', undefined);
    beginIdempotent(account, 'k1', '/v1/customers', { a: '1' }, 0);
    finishIdempotent(account, 'k1', 200, '{}', 0);
    expect(beginIdempotent(account, 'k1', '/v1/customers', { a: '2' }, IDEMPOTENCY_TTL_MS + 1).kind).toBe('execute');
    releaseIdempotent(account, 'k1');
    expect(beginIdempotent(account, 'k1', '/v1/customers', { a: '3' }, IDEMPOTENCY_TTL_MS + 2).kind).toBe('execute');
  });
});

describe('idempotency record sweeping', () => {
  it('drops expired records from memory when a later request finishes', () => {
    const account = new Account('sk_test_a', undefined);
    beginIdempotent(account, 'old', '/v1/customers', {}, 0);
    finishIdempotent(account, 'old', 200, '{}', 0);
    beginIdempotent(account, 'new', '/v1/customers', {}, IDEMPOTENCY_TTL_MS + 5);
    finishIdempotent(account, 'new', 200, '{}', IDEMPOTENCY_TTL_MS + 5);
    expect([...account.idempotency.keys()]).toEqual(['new']);
  });
});
