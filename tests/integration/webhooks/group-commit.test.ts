// Concurrent deliveries share one transaction (group commit) without sharing each other's failures.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/lib/db/client';
import { sandboxStripe } from '../../support/sandbox';
import { deliver, newSecret, reissued, sandboxEvents } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

describe('concurrent webhook deliveries', () => {
  it('stores each event once, projects every customer, and answers 500 only for the event that cannot be applied', async () => {
    const stripe = sandboxStripe();
    const customers = await Promise.all(Array.from({ length: 8 }, (_, index) => stripe.customers.create({ email: `burst-${index}@example.com`, name: `Burst ${index}` })));
    const events = await sandboxEvents(stripe, 'customer.created');
    expect(events).toHaveLength(8);
    const poisoned = reissued(events[0]!, { created: events[0]!.created });
    // A customer whose `created` is not a number cannot be written to the projection.
    Object.assign(poisoned.data.object, { id: 'cus_poisoned_burst', created: 'yesterday' });
    const secret = newSecret();
    // Every event, three of them twice, and the poisoned one in the middle, all at once.
    const deliveries = [...events.slice(0, 4), poisoned, ...events.slice(4), events[1]!, events[5]!, events[7]!];

    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answers = await Promise.all(deliveries.map((event) => deliver(db, event, secret)));
    log.mockRestore();

    expect(answers.map((answer) => answer.status)).toEqual(deliveries.map((event) => (event === poisoned ? 500 : 200)));
    const results = answers.filter((answer) => answer.body.received).map((answer) => (answer.body.received ? answer.body.result : null));
    expect(results.filter((result) => result === 'applied')).toHaveLength(8);
    expect(results.filter((result) => result === 'duplicate')).toHaveLength(3);
    const ids = events.map((event) => event.id);
    expect(await db.stripeEvent.count({ where: { id: { in: ids }, processingResult: 'applied' } })).toBe(8);
    expect(await db.stripeEvent.findUnique({ where: { id: poisoned.id }, select: { processingResult: true } })).toEqual({ processingResult: 'failed' });
    expect(await db.stripeCustomer.count({ where: { id: { in: customers.map((customer) => customer.id) } } })).toBe(8);
    expect(await db.stripeCustomer.count({ where: { id: 'cus_poisoned_burst' } })).toBe(0);
  });

  it('applies a burst of updates to one customer so that the newest state stays, whatever order they arrive in', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ email: 'order@example.com', name: 'First' });
    const [created] = await sandboxEvents(stripe, 'customer.created');
    const updates = Array.from({ length: 6 }, (_, index) => {
      const event = reissued(created!, { created: created!.created + 10 + index });
      event.type = 'customer.updated';
      Object.assign(event.data.object, { name: `Name ${index}` });
      return event;
    });
    const secret = newSecret();
    const shuffled = [updates[3]!, updates[5]!, created!, updates[0]!, updates[4]!, updates[1]!, updates[2]!];
    const answers = await Promise.all(shuffled.map((event) => deliver(db, event, secret)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(await db.stripeCustomer.findUnique({ where: { id: customer.id }, select: { name: true, updatedFromEventId: true } })).toEqual({ name: 'Name 5', updatedFromEventId: updates[5]!.id });
  });
});
