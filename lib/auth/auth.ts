// The better-auth instance: email + password accounts in our database, no public sign-up.
import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { createDb } from '@/lib/db/client';
import { databaseUrl, providerOf } from '@/lib/db/database-url';
import { serverEnv } from '@/lib/env';
import { resolveAuthSecret } from './auth-secret';
import { sessionCookieOptions } from './session-cookies';

function createAuth() {
  const env = serverEnv();
  const url = databaseUrl();
  return betterAuth({
    appName: 'Paydesk',
    secret: resolveAuthSecret(env),
    baseURL: env.BETTER_AUTH_URL,
    // better-auth reads password hashes and session tokens, so it gets the client that keeps them.
    database: prismaAdapter(createDb(url, { omitSecrets: false }), { provider: providerOf(url) }),
    // Accounts are made by an admin or the seed (lib/auth/create-user-account.ts), never by visitors.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    // Sign-in goes through our action (app/sign-in/actions.ts), which applies the database-backed throttle;
    // better-auth's own HTTP sign-in would let guesses around it.
    disabledPaths: ['/sign-up/email', '/sign-in/email'],
    user: {
      // input: false — no auth endpoint accepts a role from the client.
      additionalFields: { role: { type: 'string', required: true, input: false, defaultValue: 'seller' } },
    },
    advanced: sessionCookieOptions(env),
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { paydeskAuth?: Auth };

/** Built on first use, so `next build` neither needs the secret nor opens the database. */
export function auth(): Auth {
  return (globalForAuth.paydeskAuth ??= createAuth());
}
