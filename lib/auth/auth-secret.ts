// The secret better-auth signs sessions with: BETTER_AUTH_SECRET, or a stable local one for demos and tests.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerEnv } from '@/lib/env';

/**
 * A real deployment (production build talking to real Stripe) must set BETTER_AUTH_SECRET. A demo or
 * test run against the sandbox may leave it unset: we then generate a random secret once and keep it in
 * data/.auth-secret (mode 0600, git-ignored with data/) so sessions survive restarts. It is never logged.
 */
export function resolveAuthSecret(env: ServerEnv): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === 'production' && !env.isSandbox) {
    throw new Error('Paydesk cannot start; fix these environment variables:\n  BETTER_AUTH_SECRET: required in production (at least 32 characters)');
  }
  const file = join(process.cwd(), 'data', '.auth-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(join(process.cwd(), 'data'), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if two processes race, the first writer wins and the other reads its secret.
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}
