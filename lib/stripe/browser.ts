// Stripe.js for the browser: which script and publishable key the payment pages hand to the client. The one switch:
// against the sandbox its stand-in (`<sandbox>/v3/stripe.js`), against real Stripe none, so loadStripe fetches
// js.stripe.com itself. Only the publishable key leaves the server.
import 'server-only';
import { serverEnv } from '@/lib/env';

export interface StripeBrowserConfig {
  publishableKey: string;
  /** a script defining window.Stripe to load first (the sandbox's stand-in), or null for real Stripe.js */
  standInScriptUrl: string | null;
}

export function stripeBrowserConfig(): StripeBrowserConfig {
  const env = serverEnv();
  return {
    publishableKey: env.stripePublishableKey,
    standInScriptUrl: env.isSandbox && env.stripeApiBase ? new URL('/v3/stripe.js', env.stripeApiBase).toString() : null,
  };
}
