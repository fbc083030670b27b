import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { control, deliveriesOf, eventually } from './webhooks-controls';
import { startReceiver, type Receiver } from './webhooks-receiver';

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A fresh account with a fast retry schedule, so retry tests take a second, not minutes. */
async function account(retry: { retry_base_ms?: number; max_attempts?: number; timeout_ms?: number } = {}) {
  const key = freshSecretKey('webhooks');
  await control(key, 'POST', '/_sandbox/webhooks/config', { retry_base_ms: 150, max_attempts: 4, timeout_ms: 2000, ...retry });
  return { key, stripe: sandboxStripe(key) };
}

const verifier = new Stripe('sk_test_verifier');

describe('webhook endpoints', () => {
  it('shows the whsec_ signing secret only in the create response, like Stripe', async () => {
    const { stripe } = await account();
    const created = await stripe.webhookEndpoints.create({ url: 'https://example.com/hook', enabled_events: ['customer.created'] });
    expectStripeShape(created, 'webhook_endpoint');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(created).toMatchObject({ status: 'enabled', enabled_events: ['customer.created'], url: 'https://example.com/hook', livemode: false });
    const retrieved = await stripe.webhookEndpoints.retrieve(created.id);
    expectStripeShape(retrieved, 'webhook_endpoint');
    expect(retrieved.secret).toBeUndefined();
    const listed = await stripe.webhookEndpoints.list();
    expectStripeShape(listed);
    expect(listed.data.map((e) => [e.id, e.secret])).toEqual([[created.id, undefined]]);
  });

  it('updates url, enabled_events, description and disabled (status), and deletes to a deleted stub', async () => {
    const { stripe } = await account();
    const endpoint = await stripe.webhookEndpoints.create({ url: 'https://example.com/a', enabled_events: ['*'], description: 'first' });
    const updated = await stripe.webhookEndpoints.update(endpoint.id, {
      url: 'https://example.com/b',
      enabled_events: ['customer.updated', 'customer.deleted'],
      description: 'second',
      disabled: true,
      metadata: { team: 'payments' },
    });
    expect(updated).toMatchObject({
      url: 'https://example.com/b',
      enabled_events: ['customer.updated', 'customer.deleted'],
      description: 'second',
      status: 'disabled',
      metadata: { team: 'payments' },
    });
    expect(updated.secret).toBeUndefined();
    expect((await stripe.webhookEndpoints.update(endpoint.id, { disabled: false })).status).toBe('enabled');
    const deleted = await stripe.webhookEndpoints.del(endpoint.id);
    expect(deleted).toEqual({ id: endpoint.id, object: 'webhook_endpoint', deleted: true });
    expectStripeShape(deleted, 'webhook_endpoint');
    expect(await stripe.webhookEndpoints.retrieve(endpoint.id)).toMatchObject({ id: endpoint.id, deleted: true });
  });

  it('refuses a create without url or enabled_events, or with a URL that is not http(s)', async () => {
    const { stripe } = await account();
    await expect(stripe.webhookEndpoints.create({ url: 'https://example.com/x' } as Stripe.WebhookEndpointCreateParams)).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'enabled_events',
    });
    await expect(stripe.webhookEndpoints.create({ url: 'ftp://example.com/x', enabled_events: ['*'] })).rejects.toMatchObject({
      statusCode: 400,
      code: 'url_invalid',
      param: 'url',
    });
  });
});

describe('webhook delivery', () => {
  it('POSTs each event signed so that stripe.webhooks.constructEvent verifies it, with Stripe headers', async () => {
    const { stripe } = await account();
    const hook = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    const customer = await stripe.customers.create({ name: 'Signed' });
    const [delivery] = await hook.waitFor(1);
    const signature = delivery!.headers['stripe-signature'];
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = verifier.webhooks.constructEvent(delivery!.body, signature as string, endpoint.secret!);
    expect(event).toMatchObject({ type: 'customer.created', object: 'event', data: { object: { id: customer.id, name: 'Signed' } } });
    expect(delivery!.headers['user-agent']).toBe('Stripe/1.0 (+https://stripe.com/docs/webhooks)');
    expect(delivery!.headers['content-type']).toBe('application/json; charset=utf-8');
    // The signed timestamp is the time of sending (the SDK rejects anything older than 5 minutes).
    const t = Number(/t=(\d+)/.exec(signature as string)![1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(10);
  });

  it('fails verification with a secret other than the endpoint’s, and with a tampered body', async () => {
    const { stripe } = await account();
    const hook = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    const other = await stripe.webhookEndpoints.create({ url: 'https://example.com/unused', enabled_events: ['product.created'] });
    await stripe.customers.create({ name: 'Forged?' });
    const [delivery] = await hook.waitFor(1);
    const signature = delivery!.headers['stripe-signature'] as string;
    expect(() => verifier.webhooks.constructEvent(delivery!.body, signature, other.secret!)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => verifier.webhooks.constructEvent(delivery!.body.replace('Forged?', 'Forged!'), signature, endpoint.secret!)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends an endpoint only the event types in its enabled_events, and everything with *', async () => {
    const { stripe } = await account();
    const onlyUpdates = await receiver();
    const everything = await receiver();
    await stripe.webhookEndpoints.create({ url: onlyUpdates.url, enabled_events: ['customer.updated'] });
    await stripe.webhookEndpoints.create({ url: everything.url, enabled_events: ['*'] });
    const customer = await stripe.customers.create({ name: 'A' });
    await stripe.customers.update(customer.id, { name: 'B' });
    await stripe.products.create({ name: 'P' });
    await everything.waitFor(3);
    await onlyUpdates.waitFor(1);
    expect(everything.received.map((r) => r.eventType)).toEqual(['customer.created', 'customer.updated', 'product.created']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onlyUpdates.received.map((r) => r.eventType)).toEqual(['customer.updated']);
  });

  it('delivers events to an endpoint in the order they happened', async () => {
    const { stripe } = await account();
    const hook = await receiver();
    await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['customer.created'] });
    const created: string[] = [];
    for (let i = 0; i < 8; i += 1) created.push((await stripe.customers.create({ name: `C${i}` })).id);
    const received = await hook.waitFor(8);
    expect(received.map((r) => (JSON.parse(r.body) as Stripe.CustomerCreatedEvent).data.object.id)).toEqual(created);
  });

  it('retries a failing receiver with growing gaps until it answers 2xx, and logs every attempt', async () => {
    const { key, stripe } = await account({ retry_base_ms: 200, max_attempts: 5 });
    const hook = await receiver((n) => (n < 3 ? 500 : 200));
    await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    await stripe.customers.create({ name: 'Retry me' });
    const arrivals = await hook.waitFor(4);
    expect(new Set(arrivals.map((a) => a.eventId)).size).toBe(1);
    const gaps = arrivals.slice(1).map((a, i) => a.at - arrivals[i]!.at);
    // 200, 400, 800 ms: each gap about twice the one before.
    expect(gaps[0]).toBeGreaterThanOrEqual(180);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]! * 1.5);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]! * 1.5);
    const [delivery] = await eventually(
      () => deliveriesOf(key, { event: arrivals[0]!.eventId }),
      (ds) => ds[0]?.status === 'succeeded',
    );
    expect(delivery!.attempts.map((a) => a.status_code)).toEqual([500, 500, 500, 200]);
    for (const attempt of delivery!.attempts) {
      expect(attempt).toMatchObject({ error: null, fault: null });
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
      expect(attempt.at).toBeGreaterThan(0);
    }
    // Every attempt carries a fresh, valid signature.
    expect(new Set(arrivals.map((a) => a.headers['stripe-signature'])).size).toBeGreaterThan(1);
  });

  it('gives up after the last attempt and marks the delivery failed; an unreachable or slow receiver counts as failing', async () => {
    const { key, stripe } = await account({ retry_base_ms: 50, max_attempts: 3, timeout_ms: 200 });
    const slow = await receiver(() => ({ status: 200, delayMs: 1000 }));
    await stripe.webhookEndpoints.create({ url: slow.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.create({ url: 'http://127.0.0.1:9/nobody-listens', enabled_events: ['*'] });
    const customer = await stripe.customers.create({ name: 'Lost' });
    const event = (await stripe.events.list({ type: 'customer.created' })).data[0]!;
    expect(event.data.object).toMatchObject({ id: customer.id });
    const deliveries = await eventually(
      () => deliveriesOf(key, { event: event.id }),
      (ds) => ds.length === 2 && ds.every((d) => d.status === 'failed'),
    );
    for (const delivery of deliveries) {
      expect(delivery.attempts).toHaveLength(3);
      expect(delivery.next_attempt_at).toBeNull();
      for (const attempt of delivery.attempts) expect(attempt.status_code).toBeNull();
    }
    const errors = deliveries.flatMap((d) => d.attempts.map((a) => a.error));
    expect(errors).toContain('timed out after 200 ms');
    expect(errors).toContain('ECONNREFUSED');
    // Never delivered: Stripe's pending_webhooks counts them still, and delivery_success=false finds it.
    expect((await stripe.events.retrieve(event.id)).pending_webhooks).toBe(2);
    expect((await stripe.events.list({ delivery_success: false })).data.map((e) => e.id)).toContain(event.id);
    expect((await stripe.events.list({ delivery_success: true })).data.map((e) => e.id)).not.toContain(event.id);
  });

  it('keeps pending_webhooks at the number of endpoints that have not yet acknowledged the event', async () => {
    const { stripe } = await account({ retry_base_ms: 100, max_attempts: 50 });
    let failing = true;
    const good = await receiver();
    const flaky = await receiver(() => (failing ? 503 : 200));
    await stripe.webhookEndpoints.create({ url: good.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.create({ url: flaky.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.create({ url: 'https://example.com/not-for-customers', enabled_events: ['product.created'] });
    await stripe.customers.create({ name: 'Counted' });
    const event = (await stripe.events.list()).data[0]!;
    await good.waitFor(1);
    await flaky.waitFor(1);
    await eventually(() => stripe.events.retrieve(event.id), (e) => e.pending_webhooks === 1);
    failing = false;
    await eventually(() => stripe.events.retrieve(event.id), (e) => e.pending_webhooks === 0);
    // The payload of the final, successful attempt still says one endpoint was outstanding as it was sent.
    const last = flaky.received.at(-1)!;
    expect((JSON.parse(last.body) as Stripe.Event).pending_webhooks).toBe(1);
  });

  it('resends an event on demand to one endpoint (the dashboard’s Resend), logged as a resend', async () => {
    const { key, stripe } = await account();
    const first = await receiver();
    const second = await receiver();
    const endpoint = await stripe.webhookEndpoints.create({ url: first.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.create({ url: second.url, enabled_events: ['*'] });
    await stripe.customers.create({ name: 'Again' });
    const [original] = await first.waitFor(1);
    await second.waitFor(1);
    const resent = await control(key, 'POST', `/_sandbox/events/${original!.eventId}/resend`, { webhook_endpoint: endpoint.id });
    expect((resent.data as { webhook_endpoint: string }[]).map((d) => d.webhook_endpoint)).toEqual([endpoint.id]);
    const [, again] = await first.waitFor(2);
    expect(again!.eventId).toBe(original!.eventId);
    expect(verifier.webhooks.constructEvent(again!.body, again!.headers['stripe-signature'] as string, endpoint.secret!).id).toBe(original!.eventId);
    expect(second.received).toHaveLength(1);
    const log = await eventually(
      () => deliveriesOf(key, { event: original!.eventId, webhook_endpoint: endpoint.id }),
      (ds) => ds.every((d) => d.status === 'succeeded'),
    );
    expect(log.map((d) => d.reason).sort()).toEqual(['automatic', 'resend']);
    // Without webhook_endpoint, every enabled endpoint that wants the event gets it again.
    await control(key, 'POST', `/_sandbox/events/${original!.eventId}/resend`);
    await first.waitFor(3);
    await second.waitFor(2);
  });

  it('refuses to resend an unknown event (404) or to an endpoint that does not listen to its type (400)', async () => {
    const { key, stripe } = await account();
    await expect(control(key, 'POST', '/_sandbox/events/evt_nope/resend')).rejects.toThrow(/404/);
    const productsOnly = await stripe.webhookEndpoints.create({ url: 'https://example.com/p', enabled_events: ['product.created'] });
    await stripe.customers.create({ name: 'Not for products' });
    const event = (await stripe.events.list()).data[0]!;
    await expect(control(key, 'POST', `/_sandbox/events/${event.id}/resend`, { webhook_endpoint: productsOnly.id })).rejects.toThrow(
      /400.*does not listen to customer.created/,
    );
  });

  it('sends nothing to a disabled endpoint, and stops retrying once an endpoint is disabled', async () => {
    const { key, stripe } = await account({ retry_base_ms: 300, max_attempts: 10 });
    const disabled = await receiver();
    const failing = await receiver(() => 500);
    const off = await stripe.webhookEndpoints.create({ url: disabled.url, enabled_events: ['*'] });
    await stripe.webhookEndpoints.update(off.id, { disabled: true });
    const flaky = await stripe.webhookEndpoints.create({ url: failing.url, enabled_events: ['*'] });
    await stripe.customers.create({ name: 'Quiet' });
    await failing.waitFor(1);
    await stripe.webhookEndpoints.update(flaky.id, { disabled: true });
    const [delivery] = await eventually(
      () => deliveriesOf(key, { webhook_endpoint: flaky.id }),
      (ds) => ds[0]?.status === 'canceled',
      3000,
    );
    expect(delivery!.attempts.length).toBeLessThanOrEqual(2);
    expect(disabled.received).toHaveLength(0);
    expect(await deliveriesOf(key, { webhook_endpoint: off.id })).toEqual([]);
    expect((await stripe.events.retrieve(delivery!.event)).pending_webhooks).toBe(0);
  });

  it('stops retrying an account’s deliveries once the account is reset', async () => {
    const { key, stripe } = await account({ retry_base_ms: 150, max_attempts: 20 });
    const failing = await receiver(() => 500);
    await stripe.webhookEndpoints.create({ url: failing.url, enabled_events: ['*'] });
    await stripe.customers.create({ name: 'Forgotten' });
    await failing.waitFor(2);
    await control(key, 'POST', '/_sandbox/reset');
    const seen = failing.received.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    // At most the attempt already on the wire when the reset came.
    expect(failing.received.length).toBeLessThanOrEqual(seen + 1);
    expect(await deliveriesOf(key, {})).toEqual([]);
  });

  it('keeps each account’s endpoints and deliveries to itself', async () => {
    const a = await account();
    const b = await account();
    const hook = await receiver();
    await a.stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['*'] });
    await b.stripe.customers.create({ name: 'Other account' });
    await a.stripe.customers.create({ name: 'Mine' });
    await hook.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.received.map((r) => (JSON.parse(r.body) as Stripe.CustomerCreatedEvent).data.object.name)).toEqual(['Mine']);
    expect(await b.stripe.webhookEndpoints.list()).toMatchObject({ data: [] });
    expect(await deliveriesOf(b.key, {})).toEqual([]);
  });
});
