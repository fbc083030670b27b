import { describe, expect, it } from 'vitest';
import { decodeForm } from './form-decode';

describe('decodeForm', () => {
  it('reads flat pairs and plus-encoded spaces', () => {
    expect(decodeForm('name=Jane+Doe&email=j%40x.com')).toEqual({ name: 'Jane Doe', email: 'j@x.com' });
  });

  it('nests bracketed keys into objects', () => {
    expect(decodeForm('metadata[order]=42&metadata[tier]=gold')).toEqual({ metadata: { order: '42', tier: 'gold' } });
  });

  it('collects repeated empty brackets into an array', () => {
    expect(decodeForm('expand[]=customer&expand[]=data.customer')).toEqual({ expand: ['customer', 'data.customer'] });
  });

  it('keeps indexed items as keyed objects for the validator to turn into arrays', () => {
    expect(decodeForm('line_items[0][price]=p1&line_items[0][quantity]=2&line_items[1][price]=p2')).toEqual({
      line_items: { '0': { price: 'p1', quantity: '2' }, '1': { price: 'p2' } },
    });
  });

  it('keeps an empty value as the empty string, which means unset', () => {
    expect(decodeForm('metadata=')).toEqual({ metadata: '' });
  });
});
