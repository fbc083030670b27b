// Where Stripe sends a seller back from hosted onboarding: our public URL, never the request's Host header.
import 'server-only';
import { serverEnv } from '@/lib/env';

const DEFAULT_APP_URL = 'http://localhost:3000';

export function onboardingUrls(appUrl = serverEnv().BETTER_AUTH_URL ?? DEFAULT_APP_URL): { refreshUrl: string; returnUrl: string } {
  return { refreshUrl: new URL('/api/connect/onboarding', appUrl).toString(), returnUrl: new URL('/connect/return', appUrl).toString() };
}
