import { getCookies } from 'better-auth/cookies';
import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from './session-cookies';

const sessionCookieFor = (env: Parameters<typeof sessionCookieOptions>[0]) =>
  getCookies({ baseURL: env.BETTER_AUTH_URL, advanced: sessionCookieOptions(env) }).sessionToken;

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and Secure (with the __Secure- prefix) when the dashboard is served over https', () => {
    const cookie = sessionCookieFor({ BETTER_AUTH_URL: 'https://paydesk.example', NODE_ENV: 'production', isSandbox: true });
    expect(cookie.name.startsWith('__Secure-')).toBe(true);
    expect(cookie.attributes).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true });
  });

  it('is Secure in a real deployment even when its URL is not configured as https', () => {
    const cookie = sessionCookieFor({ BETTER_AUTH_URL: 'http://internal:3000', NODE_ENV: 'production', isSandbox: false });
    expect(cookie.attributes.secure).toBe(true);
  });

  it('stays HttpOnly and SameSite=Lax, without Secure, for the local demo over plain http', () => {
    const cookie = sessionCookieFor({ BETTER_AUTH_URL: 'http://127.0.0.1:3000', NODE_ENV: 'production', isSandbox: true });
    expect(cookie.attributes).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});
