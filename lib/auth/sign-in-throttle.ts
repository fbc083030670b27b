// Limits failed sign-ins per account and per client address, counted in the database so every app process and
// restart sees the same count. better-auth's own rate limiter guards its HTTP routes only; our sign-in calls its API.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/unique-violation';

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures per typed email address in a window, whether or not an account has it, so the limit reveals nothing. */
export const MAX_ACCOUNT_FAILURES = 10;
/** Failures per client address: higher, since an office or a carrier NAT shares one address among many people. */
export const MAX_ADDRESS_FAILURES = 50;

export interface SignInAttempt {
  email: string;
  /** the client's IP address as the request reports it, or null when unknown */
  address: string | null;
}

export type SignInPermission = { isAllowed: true } | { isAllowed: false; retryAt: Date };

function keysOf(attempt: SignInAttempt): { key: string; limit: number }[] {
  const keys = [{ key: `account:${attempt.email.trim().toLowerCase()}`, limit: MAX_ACCOUNT_FAILURES }];
  if (attempt.address) keys.push({ key: `address:${attempt.address}`, limit: MAX_ADDRESS_FAILURES });
  return keys;
}

/** Refused while either key has reached its limit in the current window; `retryAt` is when the later one ends. */
export async function checkSignInAllowed(attempt: SignInAttempt, db: Db, now = new Date()): Promise<SignInPermission> {
  const keys = keysOf(attempt);
  const rows = await db.signInFailure.findMany({ where: { key: { in: keys.map(({ key }) => key) } } });
  let retryAt: Date | null = null;
  for (const row of rows) {
    const windowEndsAt = new Date(row.windowStartedAt.getTime() + WINDOW_MS);
    const limit = keys.find(({ key }) => key === row.key)!.limit;
    if (windowEndsAt > now && row.count >= limit && (!retryAt || windowEndsAt > retryAt)) retryAt = windowEndsAt;
  }
  return retryAt ? { isAllowed: false, retryAt } : { isAllowed: true };
}

async function countFailure(key: string, db: Db, now: Date): Promise<void> {
  // A window that has ended starts again at this failure; otherwise the count goes up in place (atomic per row).
  const restarted = await db.signInFailure.updateMany({
    where: { key, windowStartedAt: { lte: new Date(now.getTime() - WINDOW_MS) } },
    data: { count: 1, windowStartedAt: now },
  });
  if (restarted.count > 0) return;
  const incremented = await db.signInFailure.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  if (incremented.count > 0) return;
  try {
    await db.signInFailure.create({ data: { key, count: 1, windowStartedAt: now } });
  } catch (error) {
    // Another process counted this key's first failure at the same moment: count ours on top of it.
    if (!isUniqueViolation(error)) throw error;
    await db.signInFailure.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  }
}

export async function recordSignInFailure(attempt: SignInAttempt, db: Db, now = new Date()): Promise<void> {
  for (const { key } of keysOf(attempt)) await countFailure(key, db, now);
}

/** A correct password clears the account's failures; the address's stay, so one known account can't reset them. */
export async function recordSignInSuccess(attempt: SignInAttempt, db: Db): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: keysOf(attempt)[0]!.key } });
}

/** "Too many failed sign-ins. Try again after 13:05 UTC (in 12 minutes)." */
export function describeRetry(retryAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const time = retryAt.toISOString().slice(11, 16);
  return `Too many failed sign-ins. Try again after ${time} UTC (in ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}
