// /events: every event the webhook received, newest first, filterable by type and object id.
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/require-role';
import { eventFiltersSchema } from '@/lib/webhooks/event-filters';
import { listStripeEvents } from '@/lib/webhooks/list-stripe-events';

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
  await requirePermission('events:view');
  const parsed = eventFiltersSchema.safeParse(await searchParams);
  const filters = parsed.success ? parsed.data : { type: undefined, objectId: undefined, before: undefined };
  const page = await listStripeEvents(filters);
  const isFiltered = Boolean(filters.type || filters.objectId);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Events
      </h1>
      <p className="text-sm text-slate-600">Stripe events received by the webhook, newest first, and what the projection did with each.</p>

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
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">Received events, newest first</caption>
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="px-3 py-2 font-medium">Received (UTC)</th>
                <th scope="col" className="px-3 py-2 font-medium">Type</th>
                <th scope="col" className="px-3 py-2 font-medium">Object</th>
                <th scope="col" className="px-3 py-2 font-medium">Signature</th>
                <th scope="col" className="px-3 py-2 font-medium">Processing</th>
                <th scope="col" className="px-3 py-2 font-medium">Event</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.events.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-3 py-2">{formatTime(event.receivedAt)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{event.type}</td>
                  <td className="px-3 py-2 font-mono text-xs">{event.objectId ?? '—'}</td>
                  <td className="px-3 py-2">{event.signatureResult}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs ${RESULT_STYLE[event.processingResult] ?? ''}`} title={event.processingError ?? undefined}>
                      {event.processingResult}
                    </span>
                    {event.replayCount > 0 ? <span className="ml-2 text-xs text-slate-500">replayed {event.replayCount}×</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/events/${event.id}`} className="font-mono text-xs text-indigo-700 underline">
                      {event.id}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pagination" className="flex gap-2">
        {filters.before ? (
          <Link href={pageHref(filters)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageHref(filters, page.nextCursor)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            Older
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
