// Where Stripe sends a seller back from hosted onboarding: our public URL, never the request's Host header.
import 'server-only';
import { serverEnv } from '@/lib/env';


export function onboardingUrls(appUrl = serverEnv().appUrl): { refreshUrl: string; returnUrl: string } {
  return { refreshUrl: new URL('/api/connect/onboarding', appUrl).toString(), returnUrl: new URL('/connect/return', appUrl).toString() };
}
