// /events: every event the webhook received, newest first, filterable by type and object id.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { EventOperationForm } from '@/components/event-operation-form';
import { EventSignatureFailures } from '@/components/event-signature-failures';
import { SyncProgress } from '@/components/sync-progress';
import { Pager } from '@/components/pager';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { eventFiltersSchema } from '@/lib/webhooks/event-filters';
import { isSyncRunning, readSyncProgress } from '@/lib/sync/read-sync-progress';
import { defaultReconcileDays } from '@/lib/sync/sync-forms';
import { listDeliveryFailures } from '@/lib/webhooks/list-delivery-failures';
import { listStripeEvents } from '@/lib/webhooks/list-stripe-events';
import { checkMissedEventsAction, reconcileRangeAction, refreshObjectAction, startSyncAction } from './actions';

export const metadata = { title: 'Events · Paydesk' };

type Search = Record<string, string | string[] | undefined>;

const RESULT_STYLE: Record<string, string> = {
  applied: 'bg-green-50 text-green-800',
  stale: 'bg-amber-50 text-amber-800',
  ignored: 'bg-slate-100 text-slate-700',
  failed: 'bg-red-50 text-red-800',
};

function formatTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function pageHref(filters: { type?: string; objectId?: string }, before?: string): string {
  const query = new URLSearchParams();
  if (filters.type) query.set('type', filters.type);
  if (filters.objectId) query.set('objectId', filters.objectId);
  if (before) query.set('before', before);
  return `/events?${query.toString()}`;
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('events:view');
  const parsed = eventFiltersSchema.safeParse(await searchParams);
  const filters = parsed.success ? parsed.data : { type: undefined, objectId: undefined, before: undefined };
  const [page, failures, syncLines] = await Promise.all([listStripeEvents(filters), listDeliveryFailures(), readSyncProgress()]);
  const reconcileDays = defaultReconcileDays();
  const isFiltered = Boolean(filters.type || filters.objectId);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Events
      </h1>
      <p className="text-sm text-slate-600">Stripe events received by the webhook, newest first, and what the projection did with each.</p>

      <EventSignatureFailures failures={failures} />

      {can(user.role, 'events:replay') ? (
        <details className="rounded-md border border-slate-200 p-4">
          <summary className="cursor-pointer font-semibold">Missed events, sync and reconciliation</summary>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="missed-events-title" className="space-y-2">
              <h2 id="missed-events-title" className="text-lg font-semibold">
                Missed events
              </h2>
              <p className="text-sm text-slate-600">Lists the events Stripe made in the last 30 days (including those whose deliveries failed) and ingests any this store lacks.</p>
              <EventOperationForm action={checkMissedEventsAction} label="Check for missed events" pendingLabel="Checking…" fields={{ days: '30' }} />
            </section>
            <section aria-labelledby="refresh-title" className="space-y-2">
              <h2 id="refresh-title" className="text-lg font-semibold">
                Refresh from Stripe
              </h2>
              <p className="text-sm text-slate-600">Reads one object from Stripe, compares it with the projection and repairs the row.</p>
              <EventOperationForm action={refreshObjectAction} label="Refresh from Stripe" pendingLabel="Reading…">
                <label htmlFor="refresh-object-id" className="block text-sm font-medium text-slate-700">
                  Object to refresh
                </label>
                <input id="refresh-object-id" name="objectId" required placeholder="cus_…, pi_…, ch_…, dp_…, in_…, acct_…, tr_…, po_…" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
              </EventOperationForm>
            </section>
            <section aria-labelledby="reconcile-title" className="space-y-2">
              <h2 id="reconcile-title" className="text-lg font-semibold">
                Reconciliation
              </h2>
              <p className="text-sm text-slate-600">Compares every object created in the range with Stripe, repairs each difference and lists it.</p>
              <EventOperationForm action={reconcileRangeAction} label="Reconcile" pendingLabel="Reconciling…">
                <div className="flex flex-wrap gap-2">
                  <label className="text-sm text-slate-700">
                    Created from <input type="date" name="from" defaultValue={reconcileDays.from} required className="ml-1 rounded-md border border-slate-300 px-2 py-1" />
                  </label>
                  <label className="text-sm text-slate-700">
                    to <input type="date" name="to" defaultValue={reconcileDays.to} required className="ml-1 rounded-md border border-slate-300 px-2 py-1" />
                  </label>
                </div>
              </EventOperationForm>
            </section>
            <section aria-labelledby="sync-title" className="space-y-2">
              <h2 id="sync-title" className="text-lg font-semibold">
                Sync from Stripe
              </h2>
              <p className="text-sm text-slate-600">Imports every existing object; an interrupted sync resumes where it stopped. Never overwrites newer webhook state.</p>
              <EventOperationForm action={startSyncAction} label="Sync from Stripe" pendingLabel="Starting…">
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="restart" /> Start over instead of resuming
                </label>
              </EventOperationForm>
              <SyncProgress lines={syncLines} isRunning={isSyncRunning(syncLines)} />
            </section>
          </div>
        </details>
      ) : null}

      <form role="search" action="/events" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="event-filter-type" className="block text-sm font-medium text-slate-700">
            Event type
          </label>
          <input id="event-filter-type" name="type" defaultValue={filters.type} placeholder="customer.created" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="event-filter-object" className="block text-sm font-medium text-slate-700">
            Object ID
          </label>
          <input id="event-filter-object" name="objectId" defaultValue={filters.objectId} placeholder="cus_…" className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
          Filter
        </button>
        {isFiltered ? (
          <Link href="/events" className="px-2 py-2 text-sm text-indigo-700 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      {page.events.length === 0 ? (
        <p className="text-slate-600">{isFiltered ? 'No event matches these filters.' : 'No events received yet.'}</p>
      ) : (
        <DataTable
          caption="Received events, newest first"
          rows={page.events}
          rowKey={(event) => event.id}
          columns={[
            { header: 'Received (UTC)', className: 'whitespace-nowrap', cell: (event) => formatTime(event.receivedAt) },
            { header: 'Type', className: 'font-mono text-xs', cell: (event) => event.type },
            { header: 'Object', className: 'font-mono text-xs', cell: (event) => event.objectId ?? '—' },
            { header: 'Signature', cell: (event) => event.signatureResult },
            {
              header: 'Processing',
              cell: (event) => (
                <>
                  <span className={`rounded px-2 py-0.5 text-xs ${RESULT_STYLE[event.processingResult] ?? ''}`} title={event.processingError ?? undefined}>
                    {event.processingResult}
                  </span>
                  {event.replayCount > 0 ? <span className="ml-2 text-xs text-slate-500">replayed {event.replayCount}×</span> : null}
                </>
              ),
            },
            {
              header: 'Event',
              cell: (event) => (
                <Link href={`/events/${event.id}`} className="font-mono text-xs text-indigo-700 underline">
                  {event.id}
                </Link>
              ),
            },
          ]}
        />
      )}

      <Pager
        newer={filters.before ? { href: pageHref(filters), label: 'Newest' } : null}
        older={page.nextCursor ? pageHref(filters, page.nextCursor) : null}
      />
    </section>
  );
}
