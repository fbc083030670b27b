import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { StripeApiError } from '../http/stripe-error';
import { Account } from '../store/account';
import { applyExpand, registerExpandable } from './expand';

registerExpandable('product', { default_price: 'price' });
registerExpandable('price', { product: 'product' });
registerExpandable('customer', { 'invoice_settings.default_payment_method': 'price' });

function seed(): { account: Account; product: Stripe.Product } {
  const account = new Account('sk_test_expand', undefined);
  const product = { id: 'prod_1', object: 'product', name: 'Tee', default_price: 'price_1' } as Stripe.Product;
  account.put('product', product);
  account.put('price', { id: 'price_1', object: 'price', product: 'prod_1' } as never);
  return { account, product };
}

describe('applyExpand', () => {
  it('replaces a declared id field by the stored object, leaving the stored object untouched', () => {
    const { account, product } = seed();
    const expanded = applyExpand(account, product, ['default_price']);
    expect(expanded.default_price).toMatchObject({ id: 'price_1', object: 'price' });
    expect(account.get('product', 'prod_1')!.default_price).toBe('price_1');
  });

  it('follows dotted chains and expands inside list data', () => {
    const { account, product } = seed();
    const chained = applyExpand(account, product, ['default_price.product']);
    expect(chained).toMatchObject({ default_price: { product: { id: 'prod_1', name: 'Tee' } } });
    const list = { object: 'list', data: [product], has_more: false, url: '/v1/products' };
    expect(applyExpand(account, list, ['data.default_price']).data[0]!.default_price).toMatchObject({ object: 'price' });
  });

  it('expands a nested field declared with its path from the owning object', () => {
    const account = new Account('sk_test_expand2', undefined);
    account.put('price', { id: 'price_9', object: 'price' } as never);
    const customer = { id: 'cus_1', object: 'customer', invoice_settings: { default_payment_method: 'price_9' } };
    expect(applyExpand(account, customer, ['invoice_settings.default_payment_method']).invoice_settings.default_payment_method).toMatchObject({
      id: 'price_9',
    });
  });

  it('refuses fields that are not declared expandable', () => {
    const { account, product } = seed();
    expect(() => applyExpand(account, product, ['name'])).toThrow(StripeApiError);
    expect(() => applyExpand(account, product, ['a.b.c.d.e'])).toThrow(/more than 4 levels/);
  });
});
