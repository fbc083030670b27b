// Adds the security headers (lib/auth/security-headers.ts) to every page and route response. Computed per request
// because the sandbox's origin, which the CSP must admit, is known only when the server starts.
import { NextResponse } from 'next/server';
import { securityHeaders } from '@/lib/auth/security-headers';
import { serverEnv } from '@/lib/env';

export function proxy(): NextResponse {
  const env = serverEnv();
  const headers = securityHeaders({
    sandboxOrigin: env.stripeApiBase ? new URL(env.stripeApiBase).origin : null,
    isDevelopment: env.NODE_ENV === 'development',
  });
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets are content-addressed files with no markup to protect.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
