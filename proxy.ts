// Adds the security headers (lib/auth/security-headers.ts) to every page and route response. Per request: the CSP
// carries a fresh nonce (Next reads it from the request's CSP header and puts it on its own scripts) and the
// sandbox's origin, which is known only when the server starts.
import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/auth/security-headers';
import { serverEnv } from '@/lib/env';

export function proxy(request: NextRequest): NextResponse {
  const env = serverEnv();
  const headers = securityHeaders({
    sandboxOrigin: env.stripeApiBase ? new URL(env.stripeApiBase).origin : null,
    isDevelopment: env.NODE_ENV === 'development',
    nonce: Buffer.from(crypto.randomUUID()).toString('base64'),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets are content-addressed files with no markup to protect.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
