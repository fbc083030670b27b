import { describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { Account } from '../store/account';
import { API_VERSION, onEvent, previousAttributes, recordEvent } from './events';

describe('previousAttributes', () => {
  it('gives the old value of each changed field and nothing for unchanged ones', () => {
    expect(previousAttributes({ name: 'A', email: 'x' }, { name: 'B', email: 'x' })).toEqual({ name: 'A' });
  });

  it('lists only the changed keys of a nested hash, with null for keys that are new', () => {
    expect(previousAttributes({ metadata: { a: '1', b: '2' } }, { metadata: { a: '9', b: '2', c: '3' } })).toEqual({
      metadata: { a: '1', c: null },
    });
  });
});

describe('recordEvent', () => {
  it('stores a Stripe-shaped event and hands it to every listener (the webhook hook)', () => {
    const account = new Account('sk_test_events', undefined);
    const seen: Stripe.Event[] = [];
    const unsubscribe = onEvent((_account, event) => seen.push(event));
    const customer = { id: 'cus_1', object: 'customer', name: 'Ann' } as Stripe.Customer;
    const event = recordEvent({ account, requestId: 'req_1', idempotencyKey: 'k1' }, 'customer.updated', customer, { name: 'An' });
    unsubscribe();
    expect(event).toMatchObject({
      object: 'event',
      type: 'customer.updated',
      api_version: API_VERSION,
      livemode: false,
      pending_webhooks: 0,
      request: { id: 'req_1', idempotency_key: 'k1' },
      data: { object: customer, previous_attributes: { name: 'An' } },
    });
    expect(event.id).toMatch(/^evt_[A-Za-z0-9]{24}$/);
    expect(seen).toEqual([event]);
    expect(account.get('event', event.id)).toBe(event);
  });
});
