// The security headers every response carries: a CSP that admits Stripe.js (or the sandbox's stand-in) and nothing
// else from outside, no framing, a strict referrer policy, no MIME sniffing and no powerful browser features.

/** Stripe.js, its frames (Elements, 3-D Secure) and the APIs it calls, per Stripe's CSP guidance. */
const STRIPE_SCRIPT_ORIGINS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const STRIPE_FRAME_ORIGINS = ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'];
const STRIPE_CONNECT_ORIGINS = ['https://api.stripe.com', 'https://m.stripe.network', 'https://q.stripe.com'];
const STRIPE_IMAGE_ORIGINS = ['https://*.stripe.com'];

export interface SecurityHeaderOptions {
  /** The sandbox's origin when the app talks to it: its Stripe.js stand-in and 3-D Secure page load from there. */
  sandboxOrigin: string | null;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  isDevelopment: boolean;
  /** Fresh per response: only scripts carrying it (Next adds it to its own) and the scripts they load may run. */
  nonce: string;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const sandbox = options.sandboxOrigin ? [options.sandboxOrigin] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic': a nonced script may load others (the Stripe.js loader, the stand-in). Browsers that honour it
    // ignore the origins listed after it; older ones fall back to them.
    'script-src': [`'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.isDevelopment ? ["'unsafe-eval'"] : []), "'self'", ...STRIPE_SCRIPT_ORIGINS, ...sandbox],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...STRIPE_IMAGE_ORIGINS, ...sandbox],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...STRIPE_CONNECT_ORIGINS, ...sandbox],
    'frame-src': [...STRIPE_FRAME_ORIGINS, ...sandbox],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    // Stripe's Payment Element offers wallets through the Payment Request API, so `payment` stays allowed for Stripe.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), interest-cohort=(), payment=(self "https://js.stripe.com")',
  };
}
