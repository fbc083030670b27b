// /audit: the audit log for admins, newest first, a page at a time.
import Link from 'next/link';
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { requirePermission } from '@/lib/auth/require-role';

export const metadata = { title: 'Audit · Paydesk' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requirePermission('audit:view');
  const { before } = await searchParams;
  const page = await listAuditEntries({ before: typeof before === 'string' && /^[a-z0-9]+$/i.test(before) ? before : undefined });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Audit
      </h1>
      {page.entries.length === 0 ? (
        <p className="text-slate-600">Nothing recorded yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="px-3 py-2 font-medium">When (UTC)</th>
                <th scope="col" className="px-3 py-2 font-medium">Who</th>
                <th scope="col" className="px-3 py-2 font-medium">Action</th>
                <th scope="col" className="px-3 py-2 font-medium">Object</th>
                <th scope="col" className="px-3 py-2 font-medium">Amount</th>
                <th scope="col" className="px-3 py-2 font-medium">Stripe request</th>
                <th scope="col" className="px-3 py-2 font-medium">Idempotency key</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-3 py-2">{entry.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
                  <td className="px-3 py-2">
                    {entry.actorEmail} <span className="text-xs text-slate-500">({entry.actorRole})</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.objectId ?? '—'}</td>
                  <td className="px-3 py-2">{entry.amount === null ? '—' : `${entry.amount}${entry.currency ? ` ${entry.currency.toUpperCase()}` : ''}`}</td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.stripeRequestId ?? '—'}</td>
                  <td className="max-w-48 truncate px-3 py-2 font-mono text-xs" title={entry.idempotencyKey ?? undefined}>
                    {entry.idempotencyKey ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagination" className="flex gap-2">
        {before ? (
          <Link href="/audit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/audit?before=${page.nextCursor}`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            Older
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
