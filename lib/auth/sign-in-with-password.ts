// Signs a user in with email and password; the session cookie is set through next/headers.
import 'server-only';
import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { auth } from './auth';

/** False for any wrong email/password pair: the caller can't tell which part was wrong. */
export async function signInWithPassword(options: { email: string; password: string }): Promise<boolean> {
  try {
    await auth().api.signInEmail({ body: { email: options.email, password: options.password }, headers: await headers() });
    return true;
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400)) return false;
    throw error;
  }
}
