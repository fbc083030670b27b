import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';

async function stripeError(run: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('customers', () => {
  it('creates, retrieves, updates and deletes a customer shaped like Stripe’s', async () => {
    const stripe = sandboxStripe();
    const created = await stripe.customers.create({ email: 'ann@example.com', name: 'Ann', address: { city: 'Paris', country: 'FR' } });
    expect(created).toMatchObject({ object: 'customer', email: 'ann@example.com', name: 'Ann', livemode: false, balance: 0 });
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{14}$/);
    expect(created.address).toMatchObject({ city: 'Paris', country: 'FR', line1: null });
    expectStripeShape(created, 'customer');

    const updated = await stripe.customers.update(created.id, { name: 'Ann B', description: 'VIP' });
    expect(updated).toMatchObject({ name: 'Ann B', description: 'VIP', email: 'ann@example.com' });
    expectStripeShape(updated, 'customer');
    expect(await stripe.customers.retrieve(created.id)).toMatchObject({ name: 'Ann B' });

    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'customer', deleted: true });
    expect(await stripe.customers.retrieve(created.id)).toMatchObject({ id: created.id, deleted: true });
    expect(await stripeError(() => stripe.customers.update(created.id, { name: 'x' }))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('applies Stripe’s metadata rules: merge, unset with "", clear with metadata=""', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ metadata: { plan: 'pro', seats: '3' } });
    const merged = await stripe.customers.update(customer.id, { metadata: { seats: '', region: 'eu' } });
    expect(merged.metadata).toEqual({ plan: 'pro', region: 'eu' });
    const cleared = await stripe.customers.update(customer.id, { metadata: '' });
    expect(cleared.metadata).toEqual({});
  });

  it('refuses more than 50 metadata keys, keys over 40 characters and values over 500', async () => {
    const stripe = sandboxStripe();
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key${i}`, 'v']));
    expect((await stripeError(() => stripe.customers.create({ metadata: tooMany }))).message).toMatch(/up to 50 keys, but you've set 51/);
    expect(await stripeError(() => stripe.customers.create({ metadata: { ['k'.repeat(41)]: 'v' } }))).toMatchObject({ statusCode: 400 });
    expect((await stripeError(() => stripe.customers.create({ metadata: { k: 'v'.repeat(501) } }))).message).toMatch(/under 500 characters/);
    const atLimits = await stripe.customers.create({ metadata: { ['k'.repeat(40)]: 'v'.repeat(500) } });
    expect(Object.keys(atLimits.metadata)).toEqual(['k'.repeat(40)]);
  });

  it('lists newest first and pages with starting_after and ending_before', async () => {
    const stripe = sandboxStripe();
    const made: Stripe.Customer[] = [];
    for (let i = 0; i < 5; i++) made.push(await stripe.customers.create({ name: `c${i}` }));
    const newestFirst = made.map((c) => c.id).reverse();

    const first = await stripe.customers.list({ limit: 2 });
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    expectStripeShape(first);
    const second = await stripe.customers.list({ limit: 2, starting_after: first.data[1]!.id });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    const last = await stripe.customers.list({ limit: 2, starting_after: second.data[1]!.id });
    expect(last).toMatchObject({ has_more: false });
    expect(last.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    const back = await stripe.customers.list({ limit: 2, ending_before: newestFirst[3]! });
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(1, 3));
    expect(back.has_more).toBe(true);

    const all: string[] = [];
    for await (const customer of stripe.customers.list({ limit: 2 })) all.push(customer.id);
    expect(all).toEqual(newestFirst);
  });

  it('filters lists by email and by created range', async () => {
    const stripe = sandboxStripe();
    const ann = await stripe.customers.create({ email: 'ann@example.com' });
    await stripe.customers.create({ email: 'bob@example.com' });
    expect((await stripe.customers.list({ email: 'ann@example.com' })).data.map((c) => c.id)).toEqual([ann.id]);
    expect((await stripe.customers.list({ created: { gte: ann.created } })).data).toHaveLength(2);
    expect((await stripe.customers.list({ created: { lt: ann.created } })).data).toHaveLength(0);
    expect((await stripe.customers.list({ created: ann.created })).data.length).toBeGreaterThanOrEqual(1);
  });

  it('finds customers with the search query language', async () => {
    const stripe = sandboxStripe();
    const ann = await stripe.customers.create({ email: 'ann@example.com', name: 'Ann Smith', metadata: { tier: 'gold' } });
    const bob = await stripe.customers.create({ email: 'bob@example.com', name: 'Bob Smith', metadata: { tier: 'silver' } });
    const byEmail = await stripe.customers.search({ query: "email:'ann@example.com'" });
    expect(byEmail).toMatchObject({ object: 'search_result', has_more: false, next_page: null, url: '/v1/customers/search' });
    expect(byEmail.data.map((c) => c.id)).toEqual([ann.id]);
    expectStripeShape(byEmail);
    expect((await stripe.customers.search({ query: "name~'smith' AND metadata['tier']:'silver'" })).data.map((c) => c.id)).toEqual([bob.id]);
    expect((await stripe.customers.search({ query: "metadata['tier']:'gold' OR email:'bob@example.com'" })).data).toHaveLength(2);
    expect((await stripe.customers.search({ query: `created>=${ann.created} AND -name:'Ann Smith'` })).data.map((c) => c.id)).toEqual([bob.id]);

    const page1 = await stripe.customers.search({ query: "name~'Smith'", limit: 1 });
    expect(page1.next_page).toEqual(expect.any(String));
    const page2 = await stripe.customers.search({ query: "name~'Smith'", limit: 1, page: page1.next_page! });
    expect([page1.data[0]!.id, page2.data[0]!.id]).toEqual([bob.id, ann.id]);
  });

  it('refuses a search that mixes AND with OR or uses an unsupported field', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.customers.search({ query: "name:'a' AND email:'b' OR phone:'c'" }))).toMatchObject({ statusCode: 400, param: 'query' });
    expect((await stripeError(() => stripe.customers.search({ query: "colour:'red'" }))).message).toMatch(/unsupported search field/);
  });

  it('records customer.created, customer.updated with previous attributes, and customer.deleted', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Ann', metadata: { a: '1' } }, { idempotencyKey: 'evt-create' });
    await stripe.customers.update(customer.id, { name: 'Anne', metadata: { b: '2' } });
    await stripe.customers.del(customer.id);
    const events = await stripe.events.list();
    expect(events.data.map((e) => e.type)).toEqual(['customer.deleted', 'customer.updated', 'customer.created']);
    const [deleted, updated, created] = events.data as [Stripe.Event, Stripe.Event, Stripe.Event];
    expect(created).toMatchObject({ api_version: '2026-10-28.endive', livemode: false, pending_webhooks: 0, request: { idempotency_key: 'evt-create' } });
    expect(created.request?.id).toBe(customer.lastResponse.requestId);
    expect(updated.data.previous_attributes).toEqual({ name: 'Ann', metadata: { b: null } });
    expect(updated.data.object).toMatchObject({ name: 'Anne', metadata: { a: '1', b: '2' } });
    expect(deleted.data.object).toMatchObject({ id: customer.id, name: 'Anne' });
    for (const event of events.data) expectStripeShape(event, 'event');
  });
});
