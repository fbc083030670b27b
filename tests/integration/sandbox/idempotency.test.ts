import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { rawRequest } from './helpers';

describe('idempotency keys', () => {
  it('replays the first response for the same key and body, marked Idempotent-Replayed', async () => {
    const key = freshSecretKey();
    const headers = { 'Idempotency-Key': 'create-ann' };
    const first = await rawRequest('POST', '/v1/customers', { key, form: 'name=Ann&email=ann%40example.com', headers });
    const second = await rawRequest('POST', '/v1/customers', { key, form: 'email=ann%40example.com&name=Ann', headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expectStripeShape(second.body, 'customer');
    const list = await rawRequest('GET', '/v1/customers', { key });
    expect(list.body.data).toHaveLength(1);
  });

  it('refuses the same key with a different body as an idempotency_error', async () => {
    const key = freshSecretKey();
    const headers = { 'Idempotency-Key': 'reused' };
    await rawRequest('POST', '/v1/customers', { key, form: 'name=Ann', headers });
    const second = await rawRequest('POST', '/v1/customers', { key, form: 'name=Bob', headers });
    expect(second.status).toBe(400);
    expect(second.body.error).toMatchObject({
      type: 'idempotency_error',
      message: expect.stringContaining('Keys for idempotent requests can only be used with the same parameters they were first used with'),
    });
  });

  it('answers 409 while the first request with the same key is still running', async () => {
    const key = freshSecretKey();
    await rawRequest('POST', '/_sandbox/latency', { key, form: 'ms=400' });
    const headers = { 'Idempotency-Key': 'in-flight' };
    const first = rawRequest('POST', '/v1/customers', { key, form: 'name=Slow', headers });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await rawRequest('POST', '/v1/customers', { key, form: 'name=Slow', headers });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_in_use' });
    expect((await first).status).toBe(200);
    await rawRequest('POST', '/_sandbox/latency', { key, form: 'ms=0' });
  });

  it('does not remember a request that failed validation or authentication', async () => {
    const key = freshSecretKey();
    const headers = { 'Idempotency-Key': 'fix-and-retry' };
    const invalid = await rawRequest('POST', '/v1/customers', { key, form: 'colour=red', headers });
    expect(invalid.status).toBe(400);
    const unauthenticated = await rawRequest('POST', '/v1/customers', { form: 'name=Ann', headers });
    expect(unauthenticated.status).toBe(401);
    const valid = await rawRequest('POST', '/v1/customers', { key, form: 'name=Ann', headers });
    expect(valid.status).toBe(200);
    expect(valid.headers.get('idempotent-replayed')).toBeNull();
  });

  it('replays an execution error such as resource_missing with its status', async () => {
    const key = freshSecretKey();
    const headers = { 'Idempotency-Key': 'missing-customer' };
    const first = await rawRequest('POST', '/v1/customers/cus_missing', { key, form: 'name=Ann', headers });
    const second = await rawRequest('POST', '/v1/customers/cus_missing', { key, form: 'name=Ann', headers });
    expect(first.status).toBe(404);
    expect(second.status).toBe(404);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('scopes keys per account, so two accounts can use the same key', async () => {
    const headers = { 'Idempotency-Key': 'shared-key' };
    const a = await rawRequest('POST', '/v1/customers', { key: freshSecretKey(), form: 'name=A', headers });
    const b = await rawRequest('POST', '/v1/customers', { key: freshSecretKey(), form: 'name=B', headers });
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('lets the SDK’s own automatic idempotency key create exactly one object', async () => {
    const stripe = sandboxStripe(freshSecretKey(), { maxNetworkRetries: 2 });
    const customer = await stripe.customers.create({ name: 'Once' });
    expect(customer.lastResponse.idempotencyKey).toBeTruthy();
    expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
  });
});
