// GET /api/connect/onboarding: the account link's refresh_url (an expired or reused link lands here) and the seller's
// "Update details" link. A fresh link each time, and straight to it: the URL is never shown or kept.
import { NextResponse } from 'next/server';
import { requirePermission } from '@/lib/auth/require-role';
import { CROSS_ORIGIN_REFUSAL, isSameOriginRequest } from '@/lib/auth/same-origin';
import { startSellerOnboarding } from '@/lib/connect/start-seller-onboarding';
import { describeStripeError } from '@/lib/stripe/errors';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<NextResponse> {
  // Stripe's refresh_url is a top-level navigation, which browsers send without Origin; a script on another site is not.
  if (!isSameOriginRequest(request) && request.headers.get('sec-fetch-mode') !== 'navigate') return NextResponse.json(CROSS_ORIGIN_REFUSAL, { status: 403 });
  const seller = await requirePermission('connect:onboard');
  try {
    const { url } = await startSellerOnboarding({ seller });
    return NextResponse.redirect(url, { status: 303, headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
  } catch (error) {
    const stripeError = describeStripeError(error);
    console.error('[connect onboarding] could not create an onboarding link', { userId: seller.id, stripeRequestId: stripeError?.requestId, stripeCode: stripeError?.code });
    return NextResponse.redirect(new URL('/connect?onboarding=unavailable', request.url), 303);
  }
}
