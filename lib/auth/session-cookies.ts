// How better-auth writes its cookies: HttpOnly and SameSite=Lax always, Secure whenever the dashboard is served over
// https or deployed against real Stripe (the local demo and tests serve plain http, where browsers drop Secure cookies).

export interface SessionCookieEnv {
  BETTER_AUTH_URL?: string;
  NODE_ENV: 'development' | 'production' | 'test';
  isSandbox: boolean;
}

export function sessionCookieOptions(env: SessionCookieEnv) {
  return {
    useSecureCookies: Boolean(env.BETTER_AUTH_URL?.startsWith('https://')) || (env.NODE_ENV === 'production' && !env.isSandbox),
    // better-auth's defaults, stated so that a change shows up in review.
    defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' as const },
  };
}
