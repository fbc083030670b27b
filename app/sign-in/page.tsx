// /sign-in: the only page open without a session.
import { redirect } from 'next/navigation';
import { SandboxBanner } from '@/components/sandbox-banner';
import { SignInForm } from '@/components/sign-in-form';
import { currentUser } from '@/lib/auth/require-role';
import { serverEnv } from '@/lib/env';
import { signInAction } from './actions';

export const metadata = { title: 'Sign in · Paydesk' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentUser()) redirect('/');
  const { next } = await searchParams;
  return (
    <>
      {serverEnv().isSandbox ? <SandboxBanner /> : null}
      <main className="mx-auto mt-16 w-full max-w-sm px-4">
        <h1 className="mb-6 text-2xl font-semibold">Sign in to Paydesk</h1>
        <SignInForm action={signInAction} next={typeof next === 'string' ? next : undefined} />
        <p className="mt-6 text-sm text-slate-600">Accounts are created by an administrator.</p>
      </main>
    </>
  );
}
