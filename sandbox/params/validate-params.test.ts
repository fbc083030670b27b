import { describe, expect, it } from 'vitest';
import { StripeApiError } from '../http/stripe-error';
import type { ObjectSchema } from './param-schema';
import { validateParams } from './validate-params';

const schema: ObjectSchema = {
  t: 'object',
  props: {
    name: { t: 'string', max: 10 },
    description: { t: 'string', empty: true },
    amount: { t: 'integer' },
    active: { t: 'boolean' },
    interval: { t: 'string', enum: ['day', 'month', 'week', 'year'] },
    metadata: { t: 'object', values: { t: 'string' }, empty: true },
    items: { t: 'array', items: { t: 'object', props: { price: { t: 'string' } }, required: ['price'] } },
  },
  required: ['amount'],
};

function errorOf(run: () => unknown): StripeApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error('expected a StripeApiError');
}

describe('validateParams', () => {
  it('coerces integers and booleans from their form strings', () => {
    expect(validateParams(schema, { amount: '500', active: 'false' })).toEqual({ amount: 500, active: false });
  });

  it('turns indexed objects into arrays and checks their items', () => {
    expect(validateParams(schema, { amount: '1', items: { '1': { price: 'b' }, '0': { price: 'a' } } })).toEqual({
      amount: 1,
      items: [{ price: 'a' }, { price: 'b' }],
    });
  });

  it('rejects an unknown parameter with its full bracketed name', () => {
    const error = errorOf(() => validateParams(schema, { amount: '1', items: [{ price: 'a', colour: 'red' }] }));
    expect(error.fields).toMatchObject({ code: 'parameter_unknown', param: 'items[0][colour]', message: 'Received unknown parameter: items[0][colour]' });
  });

  it('reports a missing required parameter', () => {
    expect(errorOf(() => validateParams(schema, {})).fields).toMatchObject({ code: 'parameter_missing', param: 'amount' });
  });

  it('rejects a non-integer where an integer is expected', () => {
    expect(errorOf(() => validateParams(schema, { amount: '1.5' })).fields).toMatchObject({
      code: 'parameter_invalid_integer',
      message: 'Invalid integer: 1.5',
    });
  });

  it('accepts an empty string only where the field can be unset', () => {
    expect(validateParams(schema, { amount: '1', description: '', metadata: '' })).toEqual({ amount: 1, description: '', metadata: '' });
    expect(errorOf(() => validateParams(schema, { amount: '1', name: '' })).fields.code).toBe('parameter_invalid_empty');
  });

  it('names the allowed values of an enum', () => {
    expect(errorOf(() => validateParams(schema, { amount: '1', interval: 'hour' })).message).toBe(
      'Invalid interval: must be one of day, month, week, or year',
    );
    const pair: ObjectSchema = { t: 'object', props: { anchor: { t: 'string', enum: ['now', 'unchanged'] } } };
    expect(errorOf(() => validateParams(pair, { anchor: 'later' })).message).toBe('Invalid anchor: must be one of now or unchanged');
  });
});
