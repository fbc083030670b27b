// End to end without a Next server: the sandbox signs and delivers real events to a node:http server that
// calls the same ingest function as the route handler; the endpoint is registered the way the app registers it.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer } from '@/lib/customers/create-customer';
import { listCustomers } from '@/lib/customers/list-customers';
import { createDb } from '@/lib/db/client';
import { ensureSandboxWebhookEndpoint, WEBHOOK_PATH } from '@/lib/webhooks/ensure-sandbox-webhook-endpoint';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { control, deliveriesOf, eventually } from '../sandbox/webhooks-controls';
import { deliver, newSecret, sandboxEvents } from './helpers';

const db = createDb(process.env.DATABASE_URL);
const key = freshSecretKey('delivery');
const stripe = sandboxStripe(key);
let server: Server;
let appUrl = '';
let secrets: string[] = [];
let registered: Awaited<ReturnType<typeof ensureSandboxWebhookEndpoint>>;
const answered: number[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = request.headers['stripe-signature'];
      void ingestWebhook({ rawBody: Buffer.concat(chunks), signatureHeader: typeof header === 'string' ? header : null, secrets }, db, stripe).then((result) => {
        answered.push(result.status);
        response.writeHead(result.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(result.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Quick retries so a failed attempt shows within the test's time.
  await control(key, 'POST', '/_sandbox/webhooks/config', { retry_base_ms: 150, max_attempts: 3 });
  // As the app does at start-up; every test here receives through this endpoint.
  registered = await ensureSandboxWebhookEndpoint({ appUrl }, { stripe, db });
  secrets = [registered.secret];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

describe('delivery from the sandbox', () => {
  it('registers one endpoint for the app URL and reuses it on the next start-up', async () => {
    const first = registered;
    expect(first).toMatchObject({ isNew: true, url: `${appUrl}${WEBHOOK_PATH}` });
    expect(first.secret).toMatch(/^whsec_/);
    const second = await ensureSandboxWebhookEndpoint({ appUrl }, { stripe, db });
    expect(second).toMatchObject({ isNew: false, id: first.id, secret: first.secret });
    const endpoints = await stripe.webhookEndpoints.list();
    expect(endpoints.data.map((endpoint) => endpoint.id)).toEqual([first.id]);
    expect(endpoints.data[0]?.enabled_events).toEqual(['*']);
  });

  it('a customer created through the SDK arrives by signed delivery and lands in the projection', async () => {
    const customer = await stripe.customers.create({ email: `delivered-${randomUUID()}@example.com`, name: 'Grace' });
    const stored = await eventually(
      () => db.stripeEvent.findFirst({ where: { objectId: customer.id, type: 'customer.created' } }),
      (row) => row !== null,
    );
    expect(stored).toMatchObject({ signatureResult: 'verified', processingResult: 'applied' });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Grace', source: 'webhook' });
    const deliveries = await eventually(() => deliveriesOf(key, { event: stored!.id }), (list) => list[0]?.status === 'succeeded');
    expect(deliveries[0]?.attempts.map((attempt) => attempt.status_code)).toEqual([200]);
  });

  it('stores an event the sandbox delivers twice only once, answering 200 both times', async () => {
    await control(key, 'POST', '/_sandbox/faults', { kind: 'webhook_duplicate' });
    const before = answered.length;
    const customer = await stripe.customers.create({ email: `twice-${randomUUID()}@example.com` });
    await eventually(async () => answered.length - before, (count) => count >= 2);
    expect(answered.slice(before)).toEqual([200, 200]);
    expect(await db.stripeEvent.count({ where: { objectId: customer.id, type: 'customer.created' } })).toBe(1);
  });

  it("ends with Stripe's state when one customer's changes are delivered shuffled", async () => {
    await control(key, 'POST', '/_sandbox/faults', { kind: 'webhook_reorder', count: 5 });
    const customer = await stripe.customers.create({ email: `shuffled-${randomUUID()}@example.com`, name: 'v0' });
    for (const name of ['v1', 'v2', 'v3']) await stripe.customers.update(customer.id, { name });
    await stripe.customers.update(customer.id, { phone: '+1 555 0100' });
    await eventually(() => db.stripeEvent.count({ where: { objectId: customer.id } }), (count) => count === 5, 15_000);
    const truth = await stripe.customers.retrieve(customer.id);
    if (truth.deleted) throw new Error('the customer was deleted');
    expect(truth).toMatchObject({ name: 'v3', phone: '+1 555 0100' });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: truth.name, phone: truth.phone, email: truth.email });
  });
});

describe('the customers list', () => {
  it('shows a customer created in the app at once, awaiting its webhook until the webhook confirms it', async () => {
    const account = sandboxStripe();
    const admin = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' as const };
    const email = `listed-${randomUUID()}@example.com`;
    const created = await createCustomer({ email, metadata: { plan: 'pro' }, idempotencyNonce: randomUUID(), actor: admin }, { stripe: account, db });

    const fromResponse = await listCustomers({ email }, { stripe: account, db });
    expect(fromResponse.customers).toEqual([{ ...created, isAwaitingWebhook: true }]);

    const [event] = await sandboxEvents(account, 'customer.created');
    await deliver(db, event!, newSecret());
    const confirmed = await listCustomers({ email }, { stripe: account, db });
    expect(confirmed.customers).toEqual([{ ...created, isAwaitingWebhook: false }]);
  });
});
