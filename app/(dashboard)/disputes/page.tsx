// /disputes: disputes from the projection, most urgent first (overdue and due within 48 hours highlighted),
// filtered by status and reason.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { ListFilterForm } from '@/components/list-filter-form';
import { DisputeStatusBadge } from '@/components/dispute-status-badge';
import { requirePermission } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { DISPUTE_STATUS_LABELS } from '@/lib/disputes/dispute-view';
import { describeTimeLeft, nowInSeconds, type DueUrgency } from '@/lib/disputes/due-urgency';
import { DISPUTE_REASON_LABELS } from '@/lib/disputes/evidence-checklist';
import { disputeListFilterSchema, listDisputes, type DisputeListItem } from '@/lib/disputes/list-disputes';
import { formatMinorAmount } from '@/lib/money';

export const metadata = { title: 'Disputes · Paydesk' };

const URGENCY_STYLES: Partial<Record<DueUrgency, { label: string; className: string }>> = {
  overdue: { label: 'Overdue', className: 'bg-red-600 text-white' },
  within_48_hours: { label: 'Due within 48 hours', className: 'bg-red-50 text-red-800' },
  within_5_days: { label: 'Due within 5 days', className: 'bg-amber-50 text-amber-800' },
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function DueCell({ dispute, now }: { dispute: DisputeListItem; now: number }) {
  if (dispute.dueBy === null) return <>—</>;
  const urgency = URGENCY_STYLES[dispute.urgency];
  return (
    <span className="space-y-1">
      <span className="block whitespace-nowrap">{dateTime.format(new Date(dispute.dueBy * 1000))}</span>
      {dispute.urgency === 'none' ? null : <span className="block text-xs text-slate-600">{describeTimeLeft(dispute.dueBy, now)}</span>}
      {urgency ? <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${urgency.className}`}>{urgency.label}</span> : null}
    </span>
  );
}

export default async function DisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('disputes:view');
  const filter = disputeListFilterSchema.parse(await searchParams);
  const now = nowInSeconds();
  const page = await listDisputes({ filter, now }, db);
  const query = new URLSearchParams(Object.entries({ status: filter.status, reason: filter.reason }).filter((entry): entry is [string, string] => Boolean(entry[1])));

  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Disputes
      </h1>
      <ListFilterForm
        label="Filter disputes"
        selects={[
          { name: 'status', label: 'Status', anyLabel: 'Any status', options: DISPUTE_STATUS_LABELS, selected: filter.status },
          { name: 'reason', label: 'Reason', anyLabel: 'Any reason', options: DISPUTE_REASON_LABELS, selected: filter.reason },
        ]}
      />

      {page.disputes.length === 0 ? (
        <p className="text-slate-600">{query.size > 0 ? 'No dispute matches this filter.' : 'No disputes. Stripe tells us about new ones as they open.'}</p>
      ) : (
        <DataTable
          caption="Disputes, most urgent first"
          rows={page.disputes}
          rowKey={(dispute) => dispute.id}
          columns={[
            {
              header: 'Amount',
              className: 'whitespace-nowrap tabular-nums',
              cell: (dispute) => (
                <Link href={`/disputes/${dispute.id}`} className="font-medium text-indigo-700 underline" aria-label={`Dispute ${dispute.id}, ${formatMinorAmount(dispute.amount, dispute.currency)}`}>
                  {formatMinorAmount(dispute.amount, dispute.currency)}
                </Link>
              ),
            },
            { header: 'Status', cell: (dispute) => <DisputeStatusBadge status={dispute.status} isAwaitingConfirmation={dispute.isAwaitingConfirmation} /> },
            { header: 'Reason', cell: (dispute) => DISPUTE_REASON_LABELS[dispute.reason] ?? dispute.reason },
            { header: 'Evidence due (UTC)', cell: (dispute) => <DueCell dispute={dispute} now={now} /> },
            {
              header: 'Customer',
              cell: (dispute) =>
                dispute.customer ? (
                  <Link href={`/customers/${dispute.customer.id}`} className="text-indigo-700 underline">
                    {dispute.customer.email ?? dispute.customer.name ?? dispute.customer.id}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              header: 'Charge',
              className: 'font-mono text-xs',
              cell: (dispute) => (dispute.paymentIntentId ? <Link href={`/payments/${dispute.paymentIntentId}`} className="text-indigo-700 underline">{dispute.chargeId}</Link> : dispute.chargeId),
            },
          ]}
        />
      )}
      <nav aria-label="Pagination" className="flex gap-2 text-sm">
        {filter.after ? (
          <Link href={`/disputes?${query.toString()}`} className="rounded-md border border-slate-300 px-3 py-1.5">
            Most urgent
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/disputes?${new URLSearchParams([...query, ['after', page.nextCursor]]).toString()}`} className="rounded-md border border-slate-300 px-3 py-1.5">
            Less urgent
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
