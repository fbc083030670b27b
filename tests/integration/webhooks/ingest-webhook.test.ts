// The webhook's verify → store → project path with real sandbox events and real signatures, on the real database.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/lib/db/client';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { replayStripeEvent } from '@/lib/webhooks/replay-stripe-event';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { control } from '../sandbox/webhooks-controls';
import { deliver, newSecret, reissued, sandboxEvents, signed } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

async function customerCreatedEvent(email = `hook-${randomUUID()}@example.com`) {
  const stripe = sandboxStripe();
  const customer = await stripe.customers.create({ email, name: 'Ada' });
  const [event] = await sandboxEvents(stripe, 'customer.created');
  if (!event) throw new Error('the sandbox recorded no customer.created event');
  return { stripe, customer, event };
}

const storedEvents = (id: string) => db.stripeEvent.count({ where: { id } });

describe('webhook ingestion', () => {
  it('stores a correctly signed customer.created event and projects the customer, answering 200', async () => {
    const secret = newSecret();
    const { customer, event } = await customerCreatedEvent();
    const answer = await deliver(db, event, secret);
    expect(answer).toEqual({ status: 200, body: { received: true, eventId: event.id, result: 'applied' } });
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({
      type: 'customer.created',
      objectId: customer.id,
      objectType: 'customer',
      signatureResult: 'verified',
      processingResult: 'applied',
      created: event.created,
    });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({
      email: customer.email,
      name: 'Ada',
      source: 'webhook',
      updatedFromEventId: event.id,
    });
  });

  it('answers 400 and stores nothing when the signature was made with another secret', async () => {
    const { customer, event } = await customerCreatedEvent();
    const answer = await deliver(db, event, newSecret(), { secrets: [newSecret()] });
    expect(answer).toEqual({ status: 400, body: { received: false, error: 'no_matching_signature' } });
    expect(await storedEvents(event.id)).toBe(0);
    expect(await db.stripeCustomer.count({ where: { id: customer.id } })).toBe(0);
  });

  it('answers 400 and stores nothing when the Stripe-Signature header is missing', async () => {
    const secret = newSecret();
    const { event } = await customerCreatedEvent();
    const { rawBody } = signed(event, secret);
    expect(await ingestWebhook({ rawBody, signatureHeader: null, secrets: [secret] }, db)).toMatchObject({ status: 400, body: { error: 'missing_signature' } });
    expect(await storedEvents(event.id)).toBe(0);
  });

  it('answers 400 and stores nothing for a delivery signed more than five minutes ago', async () => {
    const secret = newSecret();
    const { event } = await customerCreatedEvent();
    const answer = await deliver(db, event, secret, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(answer).toMatchObject({ status: 400, body: { error: 'timestamp_outside_tolerance' } });
    expect(await storedEvents(event.id)).toBe(0);
  });

  it('answers 400 and stores nothing when the body was altered after signing', async () => {
    const secret = newSecret();
    const { event } = await customerCreatedEvent();
    const delivery = signed(event, secret);
    // Parsed and re-serialised, as a body-parsing middleware would: same data, different bytes.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(delivery.rawBody.toString('utf8'))));
    expect(await ingestWebhook({ rawBody: reserialised, signatureHeader: delivery.signatureHeader, secrets: [secret] }, db)).toMatchObject({ status: 400 });
    expect(await storedEvents(event.id)).toBe(0);
  });

  it('answers 400 and stores nothing for a correctly signed body that is not a Stripe event', async () => {
    const secret = newSecret();
    expect(await deliver(db, '{"id": "evt_x", "type": ', secret)).toMatchObject({ status: 400, body: { error: 'malformed_body' } });
    expect(await deliver(db, { id: 'evt_notanevent', hello: 'world' }, secret)).toMatchObject({ status: 400, body: { error: 'malformed_body' } });
    expect(await storedEvents('evt_notanevent')).toBe(0);
  });

  it('accepts a delivery signed with either secret while the secret is being rotated', async () => {
    const [oldSecret, newOne] = [newSecret(), newSecret()];
    const first = await customerCreatedEvent();
    const second = await customerCreatedEvent();
    expect(await deliver(db, first.event, oldSecret, { secrets: [newOne, oldSecret] })).toMatchObject({ status: 200 });
    expect(await deliver(db, second.event, newOne, { secrets: [newOne, oldSecret] })).toMatchObject({ status: 200 });
  });

  it('stores a duplicate delivery once and answers 200 without changing the projection', async () => {
    const secret = newSecret();
    const { customer, event } = await customerCreatedEvent();
    await deliver(db, event, secret);
    const before = await db.stripeCustomer.findUniqueOrThrow({ where: { id: customer.id } });
    const again = await deliver(db, event, secret);
    expect(again).toEqual({ status: 200, body: { received: true, eventId: event.id, result: 'duplicate' } });
    expect(await storedEvents(event.id)).toBe(1);
    expect(await db.stripeCustomer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(before);
  });

  it('answers 200 for an event type it does not project, and stores it as ignored', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    await stripe.products.create({ name: 'Widget' });
    const [event] = await sandboxEvents(stripe, 'product.created');
    expect(await deliver(db, event!, secret)).toMatchObject({ status: 200, body: { result: 'ignored' } });
    expect(await db.stripeEvent.findUnique({ where: { id: event!.id } })).toMatchObject({ processingResult: 'ignored' });
  });
});

describe('out-of-order delivery', () => {
  it('keeps the newer name when an older customer.updated arrives after a newer one', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: `order-${randomUUID()}@example.com`, name: 'First' });
    await stripe.customers.update(customer.id, { name: 'Second' });
    await stripe.customers.update(customer.id, { name: 'Third' });
    const [older, newer] = await sandboxEvents(stripe, 'customer.updated');
    // The sandbox makes both within one second; spread them out as Stripe would over a real delay.
    const olderEvent = reissued(older!, { created: customer.created + 10 });
    const newerEvent = reissued(newer!, { created: customer.created + 20 });

    expect(await deliver(db, newerEvent, secret)).toMatchObject({ body: { result: 'applied' } });
    expect(await deliver(db, olderEvent, secret)).toMatchObject({ status: 200, body: { result: 'stale' } });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Third', updatedFromEventId: newerEvent.id });
    expect(await db.stripeEvent.findUnique({ where: { id: olderEvent.id } })).toMatchObject({ processingResult: 'stale' });
  });

  it('settles two customer updates from the same second, delivered in reverse, by re-reading the customer from Stripe', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: `tie-${randomUUID()}@example.com`, name: 'First' });
    await stripe.customers.update(customer.id, { name: 'Second' });
    await stripe.customers.update(customer.id, { name: 'Third' });
    const [older, newer] = await sandboxEvents(stripe, 'customer.updated');
    // Unmodified sandbox events: both carry the same `created`, so their payloads alone cannot be ordered.
    const sameSecond = reissued(older!, { created: newer!.created });
    await deliver(db, newer!, secret, { stripe });
    const answer = await deliver(db, sameSecond, secret, { stripe });
    expect(answer).toMatchObject({ status: 200, body: { result: 'applied' } });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Third' });
    expect(await db.stripeEvent.findUnique({ where: { id: sameSecond.id } })).toMatchObject({ processingError: expect.stringMatching(/re-read from Stripe/) });
  });

  it('answers 500 when Stripe cannot be re-read, shows the event as failed, and applies it when Stripe retries', async () => {
    const secret = newSecret();
    const key = freshSecretKey('tiefail');
    const stripe = sandboxStripe(key);
    const customer = await stripe.customers.create({ email: `retry-${randomUUID()}@example.com`, name: 'First' });
    await stripe.customers.update(customer.id, { name: 'Second' });
    await stripe.customers.update(customer.id, { name: 'Third' });
    const [older, newer] = await sandboxEvents(stripe, 'customer.updated');
    const sameSecond = reissued(older!, { created: newer!.created });
    await deliver(db, newer!, secret, { stripe });

    await control(key, 'POST', '/_sandbox/faults', { kind: 'api_error', method: 'GET', path_prefix: '/v1/customers' });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await deliver(db, sameSecond, secret, { stripe })).toEqual({ status: 500, body: { received: false, error: 'processing_failed' } });
    log.mockRestore();
    expect(await db.stripeEvent.findUnique({ where: { id: sameSecond.id } })).toMatchObject({ processingResult: 'failed' });

    expect(await deliver(db, sameSecond, secret, { stripe })).toMatchObject({ status: 200, body: { result: 'applied' } });
    expect(await db.stripeEvent.findUnique({ where: { id: sameSecond.id } })).toMatchObject({ processingResult: 'applied' });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'Third' });
  });

  it('does not bring back a deleted customer with an update from the same second', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: `gone-${randomUUID()}@example.com` });
    await stripe.customers.update(customer.id, { name: 'Renamed' });
    await stripe.customers.del(customer.id);
    const [deleted] = await sandboxEvents(stripe, 'customer.deleted');
    const [updated] = await sandboxEvents(stripe, 'customer.updated');
    const second = deleted!.created;
    await deliver(db, deleted!, secret);
    expect(await deliver(db, reissued(updated!, { created: second }), secret)).toMatchObject({ body: { result: 'stale' } });
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ isDeleted: true });
  });

  it('keeps a payment intent succeeded when its created event arrives last in the same second', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    const intent = await stripe.paymentIntents.create({ amount: 2500, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } });
    expect(intent.status).toBe('succeeded');
    const [created] = await sandboxEvents(stripe, 'payment_intent.created');
    const [succeeded] = await sandboxEvents(stripe, 'payment_intent.succeeded');
    const sameSecond = succeeded!.created;
    await deliver(db, succeeded!, secret);
    expect(await deliver(db, reissued(created!, { created: sameSecond }), secret)).toMatchObject({ body: { result: 'stale' } });
    expect(await db.stripePaymentIntent.findUnique({ where: { id: intent.id } })).toMatchObject({ status: 'succeeded', amount: 2500, amountReceived: 2500, currency: 'usd' });
  });
});

describe('replay', () => {
  const admin = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', role: 'admin' as const };

  it('re-applies a stored event idempotently and records each replay in the audit log', async () => {
    const secret = newSecret();
    const { customer, event } = await customerCreatedEvent();
    await deliver(db, event, secret);
    const before = await db.stripeCustomer.findUniqueOrThrow({ where: { id: customer.id } });

    expect(await replayStripeEvent({ eventId: event.id, actor: admin }, db)).toBe('applied');
    expect(await replayStripeEvent({ eventId: event.id, actor: admin }, db)).toBe('applied');
    const after = await db.stripeCustomer.findUniqueOrThrow({ where: { id: customer.id } });
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({ replayCount: 2, processingResult: 'applied' });
    expect(await db.auditEntry.count({ where: { actorId: admin.id, action: 'replay-stripe-event', objectId: customer.id } })).toBe(2);
  });

  it('replaying an older event after a newer one leaves the newer state', async () => {
    const secret = newSecret();
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: `replay-${randomUUID()}@example.com`, name: 'Before' });
    await stripe.customers.update(customer.id, { name: 'After' });
    const [created] = await sandboxEvents(stripe, 'customer.created');
    const [updated] = await sandboxEvents(stripe, 'customer.updated');
    await deliver(db, created!, secret);
    const later = reissued(updated!, { created: created!.created + 5 });
    await deliver(db, later, secret);
    expect(await replayStripeEvent({ eventId: created!.id, actor: admin }, db)).toBe('stale');
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: 'After' });
  });
});
