// Limits failed sign-ins per email address (in this process), so a password can't be guessed by brute force.
// better-auth's own rate limiter guards its HTTP routes only; our sign-in calls its API directly.
import 'server-only';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

interface Failures {
  count: number;
  firstAt: number;
}

export function createSignInThrottle(now: () => number = Date.now) {
  const failures = new Map<string, Failures>();
  const keyOf = (email: string) => email.trim().toLowerCase();
  const current = (email: string): Failures | undefined => {
    const entry = failures.get(keyOf(email));
    if (entry && now() - entry.firstAt > WINDOW_MS) {
      failures.delete(keyOf(email));
      return undefined;
    }
    return entry;
  };
  return {
    /** Keyed by the address typed, whether or not an account has it, so it reveals nothing. */
    isBlocked(email: string): boolean {
      return (current(email)?.count ?? 0) >= MAX_FAILURES;
    },
    recordFailure(email: string): void {
      const entry = current(email);
      failures.set(keyOf(email), entry ? { ...entry, count: entry.count + 1 } : { count: 1, firstAt: now() });
    },
    recordSuccess(email: string): void {
      failures.delete(keyOf(email));
    },
  };
}

export const signInThrottle = createSignInThrottle();
