// Refuses state-changing requests that a browser sent from another site (the check Next makes for server actions,
// applied to our route handlers too).

/**
 * True unless the browser says the request came from another origin: `Origin` names a different host than the
 * one the request was sent to, or `Sec-Fetch-Site` is `cross-site`. Clients that send neither (curl, the SDK)
 * are not browsers acting for a signed-in user, so they pass and meet the session and role checks as usual.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host.split(',')[0]!.trim();
  } catch {
    return false; // "null" (a sandboxed frame or a redirect chain) or garbage
  }
}

export const CROSS_ORIGIN_REFUSAL = { ok: false, code: 'forbidden', message: 'Requests from other sites are refused.' } as const;
