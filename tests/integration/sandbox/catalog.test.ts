import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';

describe('products, prices and payment links', () => {
  it('creates a product with a default price and expands it on request', async () => {
    const stripe = sandboxStripe();
    const product = await stripe.products.create({ name: 'T-shirt', default_price_data: { currency: 'usd', unit_amount: 2000 } });
    expect(product).toMatchObject({ object: 'product', name: 'T-shirt', active: true, default_price: expect.stringMatching(/^price_/) });
    expectStripeShape(product, 'product');
    const expanded = await stripe.products.retrieve(product.id, { expand: ['default_price'] });
    const price = expanded.default_price as Stripe.Price;
    expect(price).toMatchObject({ object: 'price', unit_amount: 2000, currency: 'usd', type: 'one_time', product: product.id });
    expectStripeShape(price, 'price');
    const chained = await stripe.products.retrieve(product.id, { expand: ['default_price.product'] });
    expect(((chained.default_price as Stripe.Price).product as Stripe.Product).name).toBe('T-shirt');
  });

  it('creates a recurring price from product_data and lists prices by product', async () => {
    const stripe = sandboxStripe();
    const price = await stripe.prices.create({ currency: 'EUR', unit_amount: 900, recurring: { interval: 'month' }, product_data: { name: 'Pro' } });
    expect(price).toMatchObject({ type: 'recurring', currency: 'eur', recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' } });
    expect(String(price.unit_amount_decimal)).toBe('900');
    expectStripeShape(price, 'price');
    const listed = await stripe.prices.list({ product: price.product as string });
    expect(listed.data.map((p) => p.id)).toEqual([price.id]);
    const withProducts = await stripe.prices.list({ expand: ['data.product'] });
    expect((withProducts.data[0]!.product as Stripe.Product).name).toBe('Pro');
  });

  it('refuses a price for a product that does not exist', async () => {
    const stripe = sandboxStripe();
    await expect(stripe.prices.create({ currency: 'usd', unit_amount: 1, product: 'prod_missing' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'product',
    });
  });

  it('refuses to expand a field that is not expandable', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'x' });
    await expect(stripe.customers.retrieve(customer.id, { expand: ['name'] })).rejects.toMatchObject({ statusCode: 400, param: 'expand' });
  });

  it('creates a payment link from line items, deactivates it and lists it', async () => {
    const stripe = sandboxStripe();
    const price = await stripe.prices.create({ currency: 'usd', unit_amount: 1500, product_data: { name: 'Mug' } });
    const link = await stripe.paymentLinks.create({ line_items: [{ price: price.id, quantity: 2 }], metadata: { campaign: 'spring' } });
    expect(link).toMatchObject({ object: 'payment_link', active: true, currency: 'usd', metadata: { campaign: 'spring' } });
    expect(link.id).toMatch(/^plink_/);
    expectStripeShape(link, 'payment_link');
    const items = await stripe.paymentLinks.listLineItems(link.id);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ object: 'item', quantity: 2, amount_subtotal: 3000, amount_total: 3000, description: 'Mug', currency: 'usd' });
    expect(items.data[0]!.price!.id).toBe(price.id);
    expectStripeShape(items);
    const inactive = await stripe.paymentLinks.update(link.id, { active: false });
    expect(inactive.active).toBe(false);
    expect((await stripe.paymentLinks.list({ active: false })).data.map((l) => l.id)).toEqual([link.id]);
    const types = (await stripe.events.list({ types: ['payment_link.created', 'payment_link.updated'] })).data.map((e) => e.type);
    expect(types).toEqual(['payment_link.updated', 'payment_link.created']);
  });
});
