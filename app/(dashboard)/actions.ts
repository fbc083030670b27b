'use server';
// Actions shared by every signed-in page.
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth/sign-out';

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/sign-in');
}
