// Deliveries the sandbox drops are found in Stripe's /v1/events and ingested through the same path;
// "Resend from Stripe" asks the sandbox to deliver an event again, and it arrives signed.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { ensureSandboxWebhookEndpoint } from '@/lib/webhooks/ensure-sandbox-webhook-endpoint';
import { findMissedEvents } from '@/lib/webhooks/find-missed-events';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { resendStripeEvent } from '@/lib/webhooks/resend-stripe-event';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { control, deliveriesOf, eventually } from '../sandbox/webhooks-controls';

const db = createDb(process.env.DATABASE_URL);
const key = freshSecretKey('missed');
const stripe = sandboxStripe(key);
const admin = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', role: 'admin' as const };
let server: Server;
let appUrl = '';
let secrets: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = request.headers['stripe-signature'];
      void ingestWebhook({ rawBody: Buffer.concat(chunks), signatureHeader: typeof header === 'string' ? header : null, secrets }, db, stripe).then((result) => {
        response.writeHead(result.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(result.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  secrets = [(await ensureSandboxWebhookEndpoint({ appUrl }, { stripe, db })).secret];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

const droppedDeliveries = async () => (await deliveriesOf(key, {})).filter((delivery) => delivery.status === 'dropped');

describe('missed events', () => {
  it('finds the three dropped deliveries of five, ingests them, and then finds nothing more', async () => {
    await control(key, 'POST', '/_sandbox/faults', { kind: 'webhook_drop', count: 3 });
    const customers: Stripe.Customer[] = [];
    for (let index = 0; index < 5; index += 1) customers.push(await stripe.customers.create({ name: `Missed ${index}` }));
    const dropped = await eventually(droppedDeliveries, (list) => list.length === 3);
    await eventually(() => db.stripeCustomer.count({ where: { id: { in: customers.map((customer) => customer.id) } } }), (count) => count === 2);

    const found = await findMissedEvents({}, { stripe, db });
    expect(found.missed.map((event) => event.id).sort()).toEqual(dropped.map((delivery) => delivery.event).sort());

    const report = await ingestMissedEvents({}, { stripe, db });
    expect(report.missed.map((entry) => entry.result)).toEqual(['applied', 'applied', 'applied']);
    for (const customer of customers) expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: customer.name, source: 'webhook' });
    expect(await db.stripeEvent.findUnique({ where: { id: dropped[0]!.event } })).toMatchObject({ signatureResult: 'fetched', processingResult: 'applied' });
    expect((await findMissedEvents({}, { stripe, db })).missed).toEqual([]);
  });

  it('Resend from Stripe delivers a dropped event again, signed, to the endpoint the app registered', async () => {
    await control(key, 'POST', '/_sandbox/faults', { kind: 'webhook_drop' });
    const customer = await stripe.customers.create({ name: 'Resent' });
    const eventId = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data[0]!.id;
    await eventually(droppedDeliveries, (list) => list.some((delivery) => delivery.event === eventId));
    expect(await db.stripeEvent.count({ where: { id: eventId } })).toBe(0);

    const answer = await resendStripeEvent({ eventId, actor: admin, appUrl, isSandbox: true }, { stripe, db });
    expect(answer.webhookEndpoint).toMatch(/^we_/);
    const stored = await eventually(() => db.stripeEvent.findUnique({ where: { id: eventId } }), (row) => row !== null);
    expect(stored).toMatchObject({ signatureResult: 'verified', processingResult: 'applied' });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Resent' });
    expect(await db.auditEntry.findFirst({ where: { action: 'resend-stripe-event', objectId: eventId } })).toMatchObject({ actorId: admin.id });
  });
});
