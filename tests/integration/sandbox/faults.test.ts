import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { rawRequest } from './helpers';
import { control, deliveriesOf, eventually } from './webhooks-controls';
import { startReceiver, type Receiver } from './webhooks-receiver';

type Fault = Record<string, string | number>;
const arm = (key: string, fault: Fault) => control(key, 'POST', '/_sandbox/faults', fault);
const injected = async (key: string) => (await control(key, 'GET', '/_sandbox/faults')).injected as Record<string, number>;

/** The SDK as the app configures it: retries on, so it resends with the same idempotency key. */
const retryingStripe = (key: string, options: Partial<Stripe.StripeConfig> = {}) =>
  sandboxStripe(key, { maxNetworkRetries: 2, ...options });

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function webhookAccount() {
  const key = freshSecretKey('whfaults');
  const stripe = sandboxStripe(key);
  const hook = await startReceiver();
  receivers.push(hook);
  await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['customer.created'] });
  return { key, stripe, hook };
}

const customerName = (body: string) => (JSON.parse(body) as Stripe.CustomerCreatedEvent).data.object.name;

describe('API fault injection', () => {
  it('answers the next request with a 500 before running it; the SDK retries with the same idempotency key and one customer exists', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'api_error', method: 'POST', path_prefix: '/v1/customers' });
    const customer = await retryingStripe(key).customers.create({ name: 'Once' });
    const all = await sandboxStripe(key).customers.list();
    expect(all.data.map((c) => c.id)).toEqual([customer.id]);
    expect(await injected(key)).toEqual({ api_error: 1 });
  });

  it('surfaces an injected 500 as StripeAPIError when the SDK does not retry, and nothing was created', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'api_error' });
    const error: unknown = await sandboxStripe(key).customers.create({ name: 'Never' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error).toMatchObject({ statusCode: 500, type: 'StripeAPIError' });
    expect((await sandboxStripe(key).customers.list()).data).toEqual([]);
  });

  it('loses the response after the request ran (500): the retry with the same key replays it, so exactly one customer', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'lost_response', mode: '500', path_prefix: '/v1/customers' });
    const customer = await retryingStripe(key).customers.create({ name: 'Exactly once' });
    expect((await sandboxStripe(key).customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
    expect((await sandboxStripe(key).events.list({ type: 'customer.created' })).data).toHaveLength(1);
    expect(await injected(key)).toEqual({ lost_response: 1 });
  });

  it('shows why keys matter: after a lost response, a retry without the same key creates a second customer', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'lost_response', mode: '500' });
    const first = await rawRequest('POST', '/v1/customers', { key, form: 'name=Twice', headers: { 'Idempotency-Key': 'lost-1' } });
    expect(first.status).toBe(500);
    // The request did run: the same key replays the stored 200.
    const replay = await rawRequest('POST', '/v1/customers', { key, form: 'name=Twice', headers: { 'Idempotency-Key': 'lost-1' } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await rawRequest('POST', '/v1/customers', { key, form: 'name=Twice', headers: { 'Idempotency-Key': 'lost-2' } });
    expect((await sandboxStripe(key).customers.list()).data).toHaveLength(2);
  });

  it('drops the connection after the request ran: the SDK retries the closed connection with the same key and gets the one customer', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'lost_response', mode: 'drop', method: 'POST' });
    // Even with retries off, the SDK retries a reset connection once (stripe-node #1040), with the same key.
    const customer = await sandboxStripe(key).customers.create({ name: 'Dropped' });
    expect((await sandboxStripe(key).customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
  });

  it('answers 429 rate_limit, raised as StripeRateLimitError with retries off, and leaves the idempotency key free', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'rate_limit', retry_after: 2 });
    const raw = await rawRequest('POST', '/v1/customers', { key, form: 'name=Limited', headers: { 'Idempotency-Key': 'rl-1' } });
    expect(raw.status).toBe(429);
    expect(raw.body.error).toMatchObject({ type: 'invalid_request_error', code: 'rate_limit' });
    expect(raw.headers.get('retry-after')).toBe('2');
    await arm(key, { kind: 'rate_limit' });
    const error: unknown = await sandboxStripe(key).customers.create({ name: 'Limited' }, { idempotencyKey: 'rl-2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(error).toMatchObject({ statusCode: 429, code: 'rate_limit' });
    // Nothing ran and nothing was stored: the same keys now create, once each.
    const again = await rawRequest('POST', '/v1/customers', { key, form: 'name=Limited', headers: { 'Idempotency-Key': 'rl-1' } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    await sandboxStripe(key).customers.create({ name: 'Limited' }, { idempotencyKey: 'rl-2' });
    expect((await sandboxStripe(key).customers.list()).data).toHaveLength(2);
  });

  it('answers 429 lock_timeout when asked, which the SDK also raises as StripeRateLimitError', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'rate_limit', mode: 'lock_timeout' });
    await expect(sandboxStripe(key).customers.list()).rejects.toMatchObject({ type: 'StripeRateLimitError', code: 'lock_timeout' });
  });

  it('holds the socket past the SDK timeout: StripeConnectionError, nothing created, and the key stays usable', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'timeout', mode: 'hold', hold_ms: 3000 });
    const stripe = sandboxStripe(key, { timeout: 300 });
    const error: unknown = await stripe.customers.create({ name: 'Slow' }, { idempotencyKey: 'to-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect((error as Error).message).toMatch(/timeout/);
    expect((await sandboxStripe(key).customers.list()).data).toEqual([]);
    await sandboxStripe(key).customers.create({ name: 'Slow' }, { idempotencyKey: 'to-1' });
    expect((await sandboxStripe(key).customers.list()).data).toHaveLength(1);
  });

  it('with timeouts and retries on, the SDK gets through on a later attempt and creates one customer', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'timeout', mode: 'hold', hold_ms: 2000, count: 1 });
    const customer = await retryingStripe(key, { timeout: 300 }).customers.create({ name: 'Patient' });
    expect((await sandboxStripe(key).customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
  });

  it('a slow request the SDK timed out on keeps running; the SDK’s retries (409 while it runs, then the replay) end with one customer', async () => {
    const key = freshSecretKey('faults');
    await control(key, 'POST', '/_sandbox/latency', { ms: 1500 });
    const customer = await retryingStripe(key, { timeout: 400, maxNetworkRetries: 6 }).customers.create({ name: 'Slow but once' });
    await control(key, 'POST', '/_sandbox/latency', { ms: 0 });
    expect((await sandboxStripe(key).customers.list()).data.map((c) => c.id)).toEqual([customer.id]);
  });

  it('closes the connection before the request runs when mode=close', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'timeout', mode: 'close', count: 2 });
    // Two resets in a row exhaust the SDK's one free retry of a closed connection.
    const error: unknown = await sandboxStripe(key).customers.create({ name: 'Reset' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect((await sandboxStripe(key).customers.list()).data).toEqual([]);
    expect(await injected(key)).toEqual({ timeout: 2 });
  });

  it('applies only to requests matching method and path_prefix, and only for the count armed', async () => {
    const key = freshSecretKey('faults');
    const stripe = sandboxStripe(key);
    await arm(key, { kind: 'api_error', method: 'GET', path_prefix: '/v1/products', count: 2 });
    await stripe.customers.create({ name: 'Unaffected' });
    await stripe.products.create({ name: 'Unaffected' });
    await expect(stripe.products.list()).rejects.toMatchObject({ statusCode: 500 });
    await expect(stripe.products.list()).rejects.toMatchObject({ statusCode: 500 });
    expect((await stripe.products.list()).data).toHaveLength(1);
  });

  it('keeps faults to the key that armed them, so parallel tests do not disturb each other', async () => {
    const mine = freshSecretKey('faults');
    const theirs = freshSecretKey('faults');
    await arm(mine, { kind: 'api_error', count: 5 });
    expect((await sandboxStripe(theirs).customers.list()).data).toEqual([]);
    expect(await injected(theirs)).toEqual({});
    const state = await control(mine, 'GET', '/_sandbox/faults');
    expect(state.armed).toMatchObject([{ kind: 'api_error', remaining: 5 }]);
  });

  it('lists what is armed and what was injected by kind, and DELETE clears both', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'api_error', count: 2 });
    await arm(key, { kind: 'webhook_drop', count: 3 });
    await sandboxStripe(key).customers.list().catch(() => undefined);
    const state = await control(key, 'GET', '/_sandbox/faults');
    expect(state.armed).toMatchObject([
      { kind: 'api_error', remaining: 1 },
      { kind: 'webhook_drop', remaining: 3 },
    ]);
    expect(state.injected).toEqual({ api_error: 1 });
    await control(key, 'DELETE', '/_sandbox/faults');
    expect(await control(key, 'GET', '/_sandbox/faults')).toMatchObject({ armed: [], injected: {} });
    expect((await sandboxStripe(key).customers.list()).data).toEqual([]);
  });

  it('disarms an account’s faults when the account is reset', async () => {
    const key = freshSecretKey('faults');
    await arm(key, { kind: 'api_error', count: 3 });
    await control(key, 'POST', '/_sandbox/reset');
    expect(await control(key, 'GET', '/_sandbox/faults')).toMatchObject({ armed: [], injected: {} });
    expect((await sandboxStripe(key).customers.list()).data).toEqual([]);
  });

  it('refuses unknown kinds and modes with a 400', async () => {
    const key = freshSecretKey('faults');
    expect((await rawRequest('POST', '/_sandbox/faults', { key, form: 'kind=meteor' })).status).toBe(400);
    expect((await rawRequest('POST', '/_sandbox/faults', { key, form: 'kind=timeout&mode=forever' })).status).toBe(400);
    expect((await rawRequest('POST', '/_sandbox/faults', { key, form: 'kind=webhook_delay' })).status).toBe(400);
    expect((await rawRequest('POST', '/_sandbox/faults', { form: 'kind=api_error' })).status).toBe(401);
  });
});

describe('webhook fault injection', () => {
  it('drops the next delivery: the receiver never sees it and the log marks it dropped', async () => {
    const { key, stripe, hook } = await webhookAccount();
    await arm(key, { kind: 'webhook_drop' });
    await stripe.customers.create({ name: 'Dropped' });
    await stripe.customers.create({ name: 'Delivered' });
    await hook.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hook.received.map((r) => customerName(r.body))).toEqual(['Delivered']);
    const log = await deliveriesOf(key, {});
    expect(log.map((d) => d.status).sort()).toEqual(['dropped', 'succeeded']);
    expect(await injected(key)).toEqual({ webhook_drop: 1 });
  });

  it('duplicates the next delivery: the receiver gets the same event twice, both validly signed', async () => {
    const { key, stripe, hook } = await webhookAccount();
    await arm(key, { kind: 'webhook_duplicate' });
    await stripe.customers.create({ name: 'Twice' });
    const [a, b] = await hook.waitFor(2);
    expect(a!.eventId).toBe(b!.eventId);
    expect(b!.body).toBe(a!.body);
    const [delivery] = await eventually(() => deliveriesOf(key, {}), (ds) => ds[0]?.status === 'succeeded');
    expect(delivery!.attempts.map((x) => x.fault)).toEqual(['duplicate', 'duplicate']);
  });

  it('delays the next delivery by delay_ms, letting a later event overtake it', async () => {
    const { key, stripe, hook } = await webhookAccount();
    await arm(key, { kind: 'webhook_delay', delay_ms: 600 });
    const sentAt = Date.now();
    await stripe.customers.create({ name: 'Late' });
    await stripe.customers.create({ name: 'Early' });
    const arrivals = await hook.waitFor(2);
    expect(arrivals.map((r) => customerName(r.body))).toEqual(['Early', 'Late']);
    expect(arrivals[1]!.at - sentAt).toBeGreaterThanOrEqual(600);
  });

  it('holds the next N deliveries and then delivers them in a shuffled order', async () => {
    const { key, stripe, hook } = await webhookAccount();
    await arm(key, { kind: 'webhook_reorder', count: 4 });
    const names = ['R1', 'R2', 'R3', 'R4'];
    for (const name of names) await stripe.customers.create({ name });
    const arrivals = await hook.waitFor(4);
    const order = arrivals.map((r) => customerName(r.body));
    expect([...order].sort()).toEqual(names);
    expect(order).not.toEqual(names);
    expect(await injected(key)).toEqual({ webhook_reorder: 4 });
  });
});
