import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';

describe('events', () => {
  it('lists events filtered by type, wildcard type and types[], and retrieves one', async () => {
    const stripe = sandboxStripe();
    await stripe.customers.create({ name: 'Ann' });
    await stripe.prices.create({ currency: 'usd', unit_amount: 100, product_data: { name: 'P' } });
    expect((await stripe.events.list({ type: 'customer.created' })).data.map((e) => e.type)).toEqual(['customer.created']);
    expect((await stripe.events.list({ type: 'price.*' })).data.map((e) => e.type)).toEqual(['price.created']);
    const several = await stripe.events.list({ types: ['product.created', 'price.created'] });
    expect(several.data.map((e) => e.type)).toEqual(['price.created', 'product.created']);
    expectStripeShape(several);
    const one = await stripe.events.retrieve(several.data[0]!.id);
    expect(one).toMatchObject({ id: several.data[0]!.id, object: 'event', type: 'price.created' });
    expect(one.id).toMatch(/^evt_/);
  });

  it('answers 404 for an event id that does not exist', async () => {
    await expect(sandboxStripe().events.retrieve('evt_missing')).rejects.toMatchObject({ statusCode: 404, message: "No such event: 'evt_missing'" });
  });
});
