import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { freshSecretKey, sandboxStripe } from '../../support/sandbox';
import { expectStripeShape } from '../../support/stripe-shape';
import { rawRequest } from './helpers';

async function stripeError(run: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('sandbox protocol', () => {
  it('answers a request without a key with 401 and Stripe’s explanation', async () => {
    const response = await rawRequest('GET', '/v1/customers');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
    expect(response.headers.get('request-id')).toMatch(/^req_[A-Za-z0-9]{14}$/);
  });

  it('rejects a key that is not a test key at all as an authentication error in the SDK', async () => {
    const error = await stripeError(() => sandboxStripe('sk_nonsense_notakey').customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^Invalid API Key provided: sk_\*+akey$/);
  });

  it('refuses a publishable key on a secret-key endpoint with Stripe\'s publishable-key message', async () => {
    const error = await stripeError(() => sandboxStripe('pk_test_notasecretkey').customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^This API call cannot be made with a publishable API key/);
  });

  it('accepts the key as the user of HTTP basic auth, as Stripe does', async () => {
    const key = freshSecretKey('basic');
    const response = await rawRequest('GET', '/v1/customers', {
      headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ object: 'list', data: [], has_more: false, url: '/v1/customers' });
  });

  it('sends a Request-Id on every response, success or error', async () => {
    const stripe = sandboxStripe();
    const customer = await stripe.customers.create({ name: 'Request id' });
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
    const error = await stripeError(() => stripe.customers.retrieve('cus_missing'));
    expect(error.requestId).toMatch(/^req_/);
  });

  it('refuses an unknown parameter with parameter_unknown naming it', async () => {
    const error = await stripeError(() => sandboxStripe().customers.create({ colour: 'red' } as Stripe.CustomerCreateParams));
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', code: 'parameter_unknown', param: 'colour' });
    expect(error.message).toBe('Received unknown parameter: colour');
  });

  it('names nested unknown parameters with their brackets', async () => {
    const error = await stripeError(() =>
      sandboxStripe().customers.create({ address: { planet: 'Mars' } } as unknown as Stripe.CustomerCreateParams),
    );
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'address[planet]' });
  });

  it('refuses a missing required parameter with parameter_missing', async () => {
    const error = await stripeError(() => sandboxStripe().prices.create({ unit_amount: 100 } as Stripe.PriceCreateParams));
    expect(error).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'currency', message: 'Missing required param: currency.' });
    expect(error.doc_url).toBe('https://stripe.com/docs/error-codes/parameter-missing');
  });

  it('refuses a non-integer amount and an empty string where a value cannot be unset', async () => {
    const stripe = sandboxStripe();
    const notInteger = await rawRequest('POST', '/v1/customers', { key: freshSecretKey(), form: 'balance=12.5' });
    expect(notInteger.status).toBe(400);
    expect(notInteger.body.error).toMatchObject({ code: 'parameter_invalid_integer', param: 'balance', message: 'Invalid integer: 12.5' });
    const empty = await stripeError(() => stripe.products.create({ name: '' }));
    expect(empty).toMatchObject({ code: 'parameter_invalid_empty', param: 'name' });
  });

  it('refuses a value outside an enum, listing the allowed ones', async () => {
    const stripe = sandboxStripe();
    const error = await stripeError(() =>
      stripe.prices.create({
        currency: 'usd',
        unit_amount: 100,
        product_data: { name: 'Plan' },
        recurring: { interval: 'fortnight' as Stripe.PriceCreateParams.Recurring.Interval },
      }),
    );
    expect(error).toMatchObject({ param: 'recurring[interval]', message: 'Invalid recurring[interval]: must be one of day, month, week, or year' });
  });

  it('answers an unknown id with 404 resource_missing', async () => {
    const error = await stripeError(() => sandboxStripe().customers.retrieve('cus_doesnotexist'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id', message: "No such customer: 'cus_doesnotexist'" });
  });

  it('answers an unknown route with 404 and Stripe’s unrecognized URL message', async () => {
    const response = await rawRequest('GET', '/v1/nothing_here', { key: freshSecretKey() });
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL (GET: /v1/nothing_here)') });
  });

  it('refuses a list limit outside 1 to 100', async () => {
    const stripe = sandboxStripe();
    expect(await stripeError(() => stripe.customers.list({ limit: 0 }))).toMatchObject({ statusCode: 400, param: 'limit' });
    expect((await stripeError(() => stripe.customers.list({ limit: 101 }))).message).toBe('This value must be less than or equal to 100.');
  });

  it('keeps each secret key’s objects invisible to every other key', async () => {
    const alice = sandboxStripe(freshSecretKey('alice'));
    const bob = sandboxStripe(freshSecretKey('bob'));
    const customer = await alice.customers.create({ email: 'alice@example.com' });
    expect((await bob.customers.list()).data).toEqual([]);
    expect(await stripeError(() => bob.customers.retrieve(customer.id))).toMatchObject({ statusCode: 404 });
    expectStripeShape(await alice.customers.retrieve(customer.id), 'customer');
  });
});
