// /audit: the audit log for admins, newest first, a page at a time.
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { DataTable } from '@/components/data-table';
import { Pager } from '@/components/pager';
import { requirePermission } from '@/lib/auth/require-role';
import { formatMinorAmount } from '@/lib/money';

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
        <DataTable
          caption="Audit entries, newest first"
          rows={page.entries}
          rowKey={(entry) => entry.id}
          columns={[
            { header: 'When (UTC)', className: 'whitespace-nowrap', cell: (entry) => entry.createdAt.toISOString().slice(0, 19).replace('T', ' ') },
            {
              header: 'Who',
              cell: (entry) => (
                <>
                  {entry.actorEmail} <span className="text-xs text-slate-500">({entry.actorRole})</span>
                </>
              ),
            },
            { header: 'Action', className: 'font-mono text-xs', cell: (entry) => entry.action },
            { header: 'Object', className: 'font-mono text-xs', cell: (entry) => entry.objectId ?? '—' },
            {
              header: 'Amount',
              cell: (entry) => (entry.amount !== null && entry.currency ? formatMinorAmount(entry.amount, entry.currency) : (entry.amount ?? '—')),
            },
            { header: 'Stripe request', className: 'font-mono text-xs', cell: (entry) => entry.stripeRequestId ?? '—' },
            {
              header: 'Idempotency key',
              className: 'max-w-48 truncate font-mono text-xs',
              cell: (entry) => <span title={entry.idempotencyKey ?? undefined}>{entry.idempotencyKey ?? '—'}</span>,
            },
          ]}
        />
      )}
      <Pager newer={before ? { href: '/audit', label: 'Newest' } : null} older={page.nextCursor ? `/audit?before=${page.nextCursor}` : null} />
    </section>
  );
}
