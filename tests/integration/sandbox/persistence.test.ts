import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSandbox } from '../../../sandbox/spawn-sandbox';
import { freshSecretKey } from '../../support/sandbox';
import { rawRequest } from './helpers';

const sandbox = await spawnSandbox();
const { port: PORT, base, start, stop } = sandbox;
afterAll(() => sandbox.dispose());

describe('sandbox state', () => {
  it('survives a restart: objects, events and idempotency keys are all still there', async () => {
    await start();
    const key = freshSecretKey('restart');
    const stripe = new Stripe(key, { host: '127.0.0.1', port: PORT, protocol: 'http', maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: 'kept@example.com', metadata: { a: '1' } }, { idempotencyKey: 'keep-me' });
    await stripe.customers.update(customer.id, { name: 'Kept' });
    await stop();

    await start();
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'kept@example.com', name: 'Kept', metadata: { a: '1' } });
    expect((await stripe.events.list()).data.map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
    const replay = await rawRequest('POST', '/v1/customers', {
      base,
      key,
      form: 'email=kept%40example.com&metadata[a]=1',
      headers: { 'Idempotency-Key': 'keep-me' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(customer.id);
  });

  it('resets one account by its key without touching another, and persists the reset', async () => {
    const keep = freshSecretKey('keep');
    const wipe = freshSecretKey('wipe');
    await rawRequest('POST', '/v1/customers', { base, key: keep, form: 'name=Keep' });
    await rawRequest('POST', '/v1/customers', { base, key: wipe, form: 'name=Wipe' });
    expect((await rawRequest('POST', '/_sandbox/reset', { base, key: wipe })).status).toBe(200);
    await stop();
    await start();
    expect((await rawRequest('GET', '/v1/customers', { base, key: wipe })).body.data).toEqual([]);
    expect((await rawRequest('GET', '/v1/customers', { base, key: keep })).body.data).toHaveLength(1);
  });

  it('refuses a reset without a key unless all=true is asked for', async () => {
    expect((await rawRequest('POST', '/_sandbox/reset', { base, form: '' })).status).toBe(400);
  });
});
