// Failed sign-ins are counted in the database per account and per address, so the limit holds across processes.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkSignInAllowed,
  describeRetry,
  MAX_ACCOUNT_FAILURES,
  MAX_ADDRESS_FAILURES,
  recordSignInFailure,
  recordSignInSuccess,
  WINDOW_MS,
} from '@/lib/auth/sign-in-throttle';
import { createDb } from '@/lib/db/client';

// Two clients stand for two app processes (or one before and after a restart) sharing the database.
const processA = createDb(process.env.DATABASE_URL);
const processB = createDb(process.env.DATABASE_URL);
afterAll(() => Promise.all([processA.$disconnect(), processB.$disconnect()]));

const uniqueEmail = () => `guess-${randomUUID()}@example.com`;
const uniqueAddress = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

describe('sign-in throttle', () => {
  it('blocks an account after its failures, counted by two processes together, whatever the case typed', async () => {
    const email = uniqueEmail();
    const now = new Date();
    for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES; attempt += 1) {
      expect(await checkSignInAllowed({ email, address: uniqueAddress() }, processB, now)).toEqual({ isAllowed: true });
      await recordSignInFailure({ email: attempt % 2 ? email.toUpperCase() : email, address: uniqueAddress() }, attempt % 2 ? processA : processB, now);
    }
    const refused = await checkSignInAllowed({ email, address: uniqueAddress() }, processA, now);
    expect(refused).toEqual({ isAllowed: false, retryAt: new Date(now.getTime() + WINDOW_MS) });
    expect(await checkSignInAllowed({ email: uniqueEmail(), address: null }, processA, now)).toEqual({ isAllowed: true });
  });

  it('blocks an address that guesses across many accounts, without blocking those accounts elsewhere', async () => {
    const address = uniqueAddress();
    const now = new Date();
    for (let attempt = 0; attempt < MAX_ADDRESS_FAILURES; attempt += 1) {
      await recordSignInFailure({ email: uniqueEmail(), address }, attempt % 2 ? processA : processB, now);
    }
    expect(await checkSignInAllowed({ email: uniqueEmail(), address }, processA, now)).toMatchObject({ isAllowed: false });
    expect(await checkSignInAllowed({ email: uniqueEmail(), address: uniqueAddress() }, processA, now)).toEqual({ isAllowed: true });
  });

  it('counts concurrent failures exactly, so parallel guessing gains nothing', async () => {
    const email = uniqueEmail();
    const now = new Date();
    // One client: in a single Node process, SQLite's synchronous driver would make two clients wait on each other.
    await Promise.all(Array.from({ length: 8 }, () => recordSignInFailure({ email, address: null }, processA, now)));
    const row = await processA.signInFailure.findUnique({ where: { key: `account:${email}` } });
    expect(row?.count).toBe(8);
  });

  it('lets the account try again once the window has passed, starting a fresh count', async () => {
    const email = uniqueEmail();
    const start = new Date(Date.now() - WINDOW_MS - 1000);
    for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES; attempt += 1) await recordSignInFailure({ email, address: null }, processA, start);
    expect(await checkSignInAllowed({ email, address: null }, processA, new Date(start.getTime() + 1000))).toMatchObject({ isAllowed: false });
    expect(await checkSignInAllowed({ email, address: null }, processA)).toEqual({ isAllowed: true });
    await recordSignInFailure({ email, address: null }, processB);
    expect((await processA.signInFailure.findUnique({ where: { key: `account:${email}` } }))?.count).toBe(1);
  });

  it('forgets an account’s failures after a correct password, but not its address’s', async () => {
    const email = uniqueEmail();
    const address = uniqueAddress();
    for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES - 1; attempt += 1) await recordSignInFailure({ email, address }, processA);
    await recordSignInSuccess({ email, address }, processB);
    await recordSignInFailure({ email, address }, processA);
    expect(await checkSignInAllowed({ email, address }, processA)).toEqual({ isAllowed: true });
    expect((await processA.signInFailure.findUnique({ where: { key: `address:${address}` } }))?.count).toBe(MAX_ACCOUNT_FAILURES);
  });

  it('tells the user when to try again', () => {
    const now = new Date('2026-11-27T13:00:30Z');
    expect(describeRetry(new Date('2026-11-27T13:12:00Z'), now)).toBe('Too many failed sign-ins. Try again after 13:12 UTC (in 12 minutes).');
    expect(describeRetry(new Date('2026-11-27T13:00:40Z'), now)).toBe('Too many failed sign-ins. Try again after 13:00 UTC (in 1 minute).');
  });
});
