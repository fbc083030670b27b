// Ends the current session and clears its cookie.
import 'server-only';
import { headers } from 'next/headers';
import { auth } from './auth';

export async function signOut(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
}
