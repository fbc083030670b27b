// The signed-in shell: test-mode banner, header with the user and sign-out, navigation for the user's role.
import { DashboardNav } from '@/components/dashboard-nav';
import { SandboxBanner } from '@/components/sandbox-banner';
import { requireUser } from '@/lib/auth/require-role';
import { serverEnv } from '@/lib/env';
import { navItemsFor } from '@/lib/navigation';
import { signOutAction } from './actions';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items = navItemsFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      {serverEnv().isSandbox ? <SandboxBanner /> : null}
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <span className="text-lg font-semibold">Paydesk</span>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.email} <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-700">{user.role}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <div className="md:flex">
        <DashboardNav items={items} />
        <main id="content" className="min-w-0 flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </>
  );
}
