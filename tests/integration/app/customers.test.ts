// Customer domain functions and the create action's pipeline: real SDK → sandbox → real database.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema } from '@/lib/customers/customer-input';
import { listCustomers } from '@/lib/customers/list-customers';
import { retrieveCustomer } from '@/lib/customers/retrieve-customer';
import { updateCustomer } from '@/lib/customers/update-customer';
import { createDb } from '@/lib/db/client';
import { sandboxStripe } from '../../support/sandbox';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const support: SessionUser = { ...admin, id: `user_${randomUUID()}`, email: 'support@paydesk.test', role: 'support' };

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('customers against the sandbox', () => {
  it('creates a customer Stripe can read back, and records who did it with the request id and idempotency key', async () => {
    const stripe = sandboxStripe();
    const nonce = randomUUID();
    const created = await createCustomer(
      { email: 'ada@example.com', name: 'Ada Lovelace', phone: '+44 20 7946 0001', metadata: { plan: 'pro' }, idempotencyNonce: nonce, actor: admin },
      { stripe, db },
    );
    expect(created).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', metadata: { plan: 'pro' } });
    expect(await retrieveCustomer({ customerId: created.id }, { stripe })).toEqual(created);

    const entries = await db.auditEntry.findMany({ where: { objectId: created.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'create-customer',
      actorId: admin.id,
      actorEmail: admin.email,
      actorRole: 'admin',
      idempotencyKey: `create-customer:${admin.id}:${nonce}`,
    });
    expect(entries[0]?.stripeRequestId).toMatch(/^req_/);
  });

  it('creates one customer and one audit entry when the same form is submitted twice', async () => {
    const stripe = sandboxStripe();
    const options = { email: 'twice@example.com', metadata: {}, idempotencyNonce: randomUUID(), actor: admin };
    const [first, second] = [await createCustomer(options, { stripe, db }), await createCustomer(options, { stripe, db })];
    expect(second.id).toBe(first.id);
    expect((await listCustomers({ email: 'twice@example.com' }, { stripe })).customers).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { objectId: first.id } })).toBe(1);
  });

  it('updates contact details, removes metadata keys left out of the form, and records the update', async () => {
    const stripe = sandboxStripe();
    const created = await createCustomer(
      { email: 'grace@example.com', name: 'Grace', metadata: { plan: 'team', region: 'us' }, idempotencyNonce: randomUUID(), actor: admin },
      { stripe, db },
    );
    const updated = await updateCustomer(
      { customerId: created.id, email: 'grace.hopper@example.com', name: 'Grace Hopper', phone: undefined, metadata: { plan: 'enterprise' }, actor: support },
      { stripe, db },
    );
    expect(updated).toMatchObject({ email: 'grace.hopper@example.com', name: 'Grace Hopper', metadata: { plan: 'enterprise' } });
    expect((await retrieveCustomer({ customerId: created.id }, { stripe }))?.metadata).toEqual({ plan: 'enterprise' });

    const entry = await db.auditEntry.findFirst({ where: { objectId: created.id, action: 'update-customer' } });
    expect(entry).toMatchObject({ actorRole: 'support' });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ changed: ['email', 'name'], metadataKeysChanged: ['plan', 'region'] });
  });

  it('pages through customers newest first, forwards and back, and finds one by exact email', async () => {
    const stripe = sandboxStripe();
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await stripe.customers.create({ email: `page${index}@example.com` })).id);
    }
    const newestFirst = [...ids].reverse();
    const first = await listCustomers({ limit: 2 }, { stripe });
    expect(first.customers.map((customer) => customer.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.previousCursor).toBeNull();
    const second = await listCustomers({ limit: 2, startingAfter: first.nextCursor ?? undefined }, { stripe });
    expect(second.customers.map((customer) => customer.id)).toEqual(newestFirst.slice(2, 4));
    const third = await listCustomers({ limit: 2, startingAfter: second.nextCursor ?? undefined }, { stripe });
    expect(third.customers.map((customer) => customer.id)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();
    const back = await listCustomers({ limit: 2, endingBefore: third.previousCursor ?? undefined }, { stripe });
    expect(back.customers.map((customer) => customer.id)).toEqual(newestFirst.slice(2, 4));

    const found = await listCustomers({ email: 'page3@example.com' }, { stripe });
    expect(found.customers.map((customer) => customer.id)).toEqual([ids[3]]);
  });

  it('answers null for a customer that does not exist', async () => {
    expect(await retrieveCustomer({ customerId: 'cus_doesnotexist' }, { stripe: sandboxStripe() })).toBeNull();
  });
});

describe('the create-customer action with bad input', () => {
  const stripe = sandboxStripe();
  const validatedAction = makeValidatedAction({ getUser: async () => admin });
  const action = validatedAction({ name: 'create-customer', permission: 'customers:create', schema: createCustomerSchema }, (input, { user }) =>
    createCustomer({ ...input, actor: user }, { stripe, db }),
  );

  it('explains each bad field and writes nothing to Stripe or the audit log', async () => {
    const auditBefore = await db.auditEntry.count();
    const result = await action(
      null,
      form([
        ['idempotencyNonce', randomUUID()],
        ['email', 'not-an-email'],
        ['metadataKey[]', 'k'.repeat(41)],
        ['metadataValue[]', 'v'],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: { email: 'Enter a valid email address.', 'metadata.0.key': 'Keys can be at most 40 characters.' },
    });
    expect((await stripe.customers.list({ limit: 10 })).data).toHaveLength(0);
    expect(await db.auditEntry.count()).toBe(auditBefore);
  });

  it('refuses support, who may not create customers, and writes nothing', async () => {
    const supportAction = makeValidatedAction({ getUser: async () => support })(
      { name: 'create-customer', permission: 'customers:create', schema: createCustomerSchema },
      (input, { user }) => createCustomer({ ...input, actor: user }, { stripe, db }),
    );
    const result = await supportAction(null, form([['idempotencyNonce', randomUUID()], ['email', 'ok@example.com']]));
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await stripe.customers.list({ limit: 10 })).data).toHaveLength(0);
  });
});
