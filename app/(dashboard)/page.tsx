// /: the overview every signed-in role starts from.
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/require-role';
import { navItemsFor } from '@/lib/navigation';

export const metadata = { title: 'Overview · Paydesk' };

export default async function OverviewPage() {
  const user = await requirePermission('overview:view');
  const sections = navItemsFor(user.role).filter((item) => item.href !== '/');
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" className="text-2xl font-semibold">
        Overview
      </h1>
      <p className="mt-2 text-slate-600">Signed in as {user.name}.</p>
      <h2 className="mt-6 text-lg font-medium">Your sections</h2>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
