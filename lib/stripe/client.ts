// The one Stripe client: the local sandbox by default, real Stripe when a real key is configured.
import 'server-only';
import Stripe from 'stripe';
import { serverEnv } from '@/lib/env';

export const STRIPE_API_VERSION = Stripe.API_VERSION;

export function createStripeClient(options: { secretKey: string; apiBase?: string }): Stripe {
  const common = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'Paydesk' } } as const;
  if (!options.apiBase) return new Stripe(options.secretKey, common);
  const base = new URL(options.apiBase);
  return new Stripe(options.secretKey, {
    ...common,
    host: base.hostname,
    port: base.port ? Number(base.port) : base.protocol === 'https:' ? 443 : 80,
    protocol: base.protocol === 'https:' ? 'https' : 'http',
  });
}

let client: Stripe | undefined;

/** The app's Stripe client. Nothing else in the app knows whether it talks to the sandbox. */
export function stripe(): Stripe {
  const env = serverEnv();
  return (client ??= createStripeClient({ secretKey: env.stripeSecretKey, apiBase: env.stripeApiBase }));
}
