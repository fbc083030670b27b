// How tests reach the Stripe sandbox: the real SDK over HTTP, each caller with its own secret key so
// parallel tests never see each other's objects.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export const SANDBOX_TEST_PORT = Number(process.env.SANDBOX_TEST_PORT ?? 12199);
export const sandboxBase = (): string => process.env.STRIPE_API_BASE ?? `http://127.0.0.1:${SANDBOX_TEST_PORT}`;

/** A fresh `sk_test_…` key: a new, empty Stripe account in the sandbox. */
export function freshSecretKey(label = 'test'): string {
  return `sk_test_${label.replace(/[^A-Za-z0-9]/g, '')}_${randomBytes(8).toString('hex')}`;
}

/** The real `stripe` SDK pointed at the sandbox, as the app's own factory does. */
export function sandboxStripe(secretKey = freshSecretKey(), options: Partial<Stripe.StripeConfig> = {}): Stripe {
  const base = new URL(sandboxBase());
  return new Stripe(secretKey, {
    host: base.hostname,
    port: Number(base.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    ...options,
  });
}
