// The lean webhook listener (npm run webhooks:listen) over real HTTP: it answers exactly as the route handler does.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { createWebhookListener } from '@/lib/webhooks/webhook-listener';
import { sandboxStripe } from '../../support/sandbox';
import { newSecret, sandboxEvents, signed } from './helpers';

const db = createDb(process.env.DATABASE_URL);
const secret = newSecret();
let secretsReadable = true;
const server = createWebhookListener({
  db,
  secrets: async () => {
    if (!secretsReadable) throw new Error('database unavailable');
    return [secret];
  },
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

async function customerCreated() {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email: `listener-${randomUUID()}@example.com`, name: 'Lin' });
  const [event] = await sandboxEvents(stripe, 'customer.created');
  return { customer, event: event! };
}

const post = (body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', ...headers } });

describe('the lean webhook listener', () => {
  it('stores and projects a signed event once, and answers its duplicate 200 without a second row', async () => {
    const { customer, event } = await customerCreated();
    const { rawBody, signatureHeader } = signed(event, secret);
    const first = await post(rawBody, { 'stripe-signature': signatureHeader });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, eventId: event.id, result: 'applied' });
    const again = await post(rawBody, { 'stripe-signature': signatureHeader });
    expect(await again.json()).toEqual({ received: true, eventId: event.id, result: 'duplicate' });
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(1);
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ email: customer.email, updatedFromEventId: event.id });
  });

  it('answers 400 and stores nothing for a forged signature', async () => {
    const { event } = await customerCreated();
    const { rawBody, signatureHeader } = signed(event, newSecret());
    const answer = await post(rawBody, { 'stripe-signature': signatureHeader });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ received: false, error: 'no_matching_signature' });
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it('refuses a body over 1 MB (413), other paths (404) and other methods (405), storing nothing', async () => {
    const before = await db.stripeEvent.count();
    expect((await post('x'.repeat(1024 * 1024 + 1), { 'stripe-signature': 't=1,v1=00' })).status).toBe(413);
    expect((await fetch(url.replace('/stripe', '/other'), { method: 'POST', body: '{}' })).status).toBe(404);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await db.stripeEvent.count()).toBe(before);
  });

  it('answers 503 when the signing secrets cannot be read, so Stripe retries', async () => {
    const { event } = await customerCreated();
    const { rawBody, signatureHeader } = signed(event, secret);
    secretsReadable = false;
    try {
      expect((await post(rawBody, { 'stripe-signature': signatureHeader })).status).toBe(503);
    } finally {
      secretsReadable = true;
    }
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });
});
