import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('security headers', () => {
  it('admits Stripe.js, its frames and the sandbox’s stand-in, and forbids framing the dashboard', () => {
    const policy = contentSecurityPolicy({ sandboxOrigin: 'http://127.0.0.1:12111', isDevelopment: false, nonce: 'bm9uY2U' });
    expect(directive(policy, 'script-src')).toContain('https://js.stripe.com');
    expect(directive(policy, 'script-src')).toContain('http://127.0.0.1:12111');
    expect(directive(policy, 'frame-src')).toContain('https://js.stripe.com');
    expect(directive(policy, 'frame-src')).toContain('http://127.0.0.1:12111');
    expect(directive(policy, 'connect-src')).toContain('https://api.stripe.com');
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('lets only scripts with this response’s nonce run, never inline script without it', () => {
    const policy = contentSecurityPolicy({ sandboxOrigin: null, isDevelopment: false, nonce: 'bm9uY2U' });
    expect(directive(policy, 'script-src')).toContain("'nonce-bm9uY2U' 'strict-dynamic'");
    expect(directive(policy, 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no sandbox against real Stripe and allows eval only in development', () => {
    const policy = contentSecurityPolicy({ sandboxOrigin: null, isDevelopment: true, nonce: 'bm9uY2U' });
    expect(policy).not.toContain('127.0.0.1');
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
  });

  it('sends the referrer, sniffing, framing and permissions headers', () => {
    expect(securityHeaders({ sandboxOrigin: null, isDevelopment: false, nonce: 'bm9uY2U' })).toMatchObject({
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
  });
});
