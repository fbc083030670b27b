import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/require-role';
import { ActionError } from './action-error';
import { SOMETHING_WENT_WRONG } from './action-result';
import { makeValidatedAction } from './make-validated-action';

const admin: SessionUser = { id: 'u1', email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };
const seller: SessionUser = { ...admin, id: 'u3', role: 'seller' };
const schema = z.object({ amount: z.coerce.number().int().positive('Enter a positive amount.') });

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

function actionFor(user: SessionUser | null, handler = vi.fn(async (input: { amount: number }) => input.amount * 2)) {
  const validatedAction = makeValidatedAction({ getUser: async () => user });
  return { action: validatedAction({ name: 'test-action', permission: 'settings:update', schema }, handler), handler };
}

afterEach(() => vi.restoreAllMocks());

describe('validatedAction', () => {
  it('runs the handler with parsed input and returns its data', async () => {
    const { action } = actionFor(admin);
    expect(await action(null, form({ amount: '21' }))).toEqual({ ok: true, data: 42 });
  });

  it('refuses a signed-out caller without running the handler', async () => {
    const { action, handler } = actionFor(null);
    expect(await action(null, form({ amount: '1' }))).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a role without the permission before looking at the input', async () => {
    const { action, handler } = actionFor(seller);
    expect(await action(null, form({ amount: 'garbage' }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns field errors and the typed values for bad input, without running the handler', async () => {
    const { action, handler } = actionFor(admin);
    const result = await action(null, form({ amount: '-3', password: 'secret' }));
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { amount: 'Enter a positive amount.' }, values: { amount: '-3' } });
    expect(result.ok === false && result.values && 'password' in result.values).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });

  it('shows an expected domain error as it is', async () => {
    const { action } = actionFor(admin, vi.fn(async () => {
      throw new ActionError('over_limit', 'That is above your refund limit.', { amount: 'Too much.' });
    }));
    expect(await action(null, form({ amount: '5' }))).toMatchObject({ ok: false, code: 'over_limit', message: 'That is above your refund limit.', fieldErrors: { amount: 'Too much.' } });
  });

  it('maps a Stripe error that names a parameter to that field', async () => {
    const stripeError = new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'email_invalid', param: 'email', message: 'Invalid email address: x' });
    const { action } = actionFor(admin, vi.fn(async () => Promise.reject(stripeError)));
    expect(await action(null, form({ amount: '5' }))).toMatchObject({ ok: false, code: 'email_invalid', fieldErrors: { email: 'Enter a valid email address.' } });
  });

  it('logs an unexpected error with the Stripe request id and shows only the generic message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stripeError = new Stripe.errors.StripeAPIError({ type: 'api_error', message: 'internal detail', requestId: 'req_123' });
    const { action } = actionFor(admin, vi.fn(async () => Promise.reject(stripeError)));
    const result = await action(null, form({ amount: '5' }));
    expect(result).toMatchObject({ ok: false, code: 'unexpected', message: SOMETHING_WENT_WRONG });
    expect(JSON.stringify(result)).not.toContain('internal detail');
    expect(log).toHaveBeenCalledWith('[action test-action] unexpected error', expect.objectContaining({ stripeRequestId: 'req_123' }));
  });

  it('lets redirects through instead of reporting them as failures', async () => {
    const { redirect } = await import('next/navigation');
    const { action } = actionFor(admin, vi.fn(async () => redirect('/customers/cus_1')));
    await expect(action(null, form({ amount: '5' }))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });
});
