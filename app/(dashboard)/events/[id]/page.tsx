// /events/[id]: one stored event — its outcome, the raw payload as Stripe signed it, Replay and Resend from Stripe for admins.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventOperationForm } from '@/components/event-operation-form';
import { ReplayEventForm } from '@/components/replay-event-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { syncTypeOfId } from '@/lib/sync/sync-object-types';
import { retrieveStripeEvent } from '@/lib/webhooks/retrieve-stripe-event';
import { refreshObjectAction, replayEventAction, resendEventAction } from '../actions';

export const metadata = { title: 'Event · Paydesk' };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('events:view');
  const { id } = await params;
  if (!/^evt_[A-Za-z0-9_]+$/.test(id)) notFound();
  const event = await retrieveStripeEvent({ eventId: id });
  if (!event) notFound();
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/events" className="text-sm text-indigo-700 underline">
        ← Events
      </Link>
      <h1 id="page-title" className="font-mono text-xl font-semibold">
        {event.type}
      </h1>
      <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">Event</dt>
        <dd className="font-mono">{event.id}</dd>
        <dt className="text-slate-500">Object</dt>
        <dd className="font-mono">{event.objectId ?? '—'}</dd>
        <dt className="text-slate-500">Created by Stripe (UTC)</dt>
        <dd>{new Date(event.created * 1000).toISOString().slice(0, 19).replace('T', ' ')}</dd>
        <dt className="text-slate-500">Received (UTC)</dt>
        <dd>{event.receivedAt.toISOString().slice(0, 19).replace('T', ' ')}</dd>
        <dt className="text-slate-500">Signature</dt>
        <dd>{event.signatureResult}</dd>
        <dt className="text-slate-500">Processing</dt>
        <dd>
          {event.processingResult}
          {event.processingError ? <span className="text-slate-600"> — {event.processingError}</span> : null}
        </dd>
        <dt className="text-slate-500">Replayed</dt>
        <dd>{event.replayCount === 0 ? 'never' : `${event.replayCount}×`}</dd>
      </dl>
      {event.type.startsWith('setup_intent.') && event.objectId && can(user.role, 'setup-diagnostics:view') ? (
        <Link href={`/setup-diagnostics?q=${encodeURIComponent(event.objectId)}`} className="inline-block text-sm text-indigo-700 underline">
          Diagnose this SetupIntent
        </Link>
      ) : null}
      {can(user.role, 'events:replay') ? (
        <div className="flex flex-wrap items-start gap-6">
          <ReplayEventForm action={replayEventAction} eventId={event.id} />
          <EventOperationForm action={resendEventAction} label="Resend from Stripe" pendingLabel="Asking Stripe…" fields={{ eventId: event.id }} />
          {event.objectId && syncTypeOfId(event.objectId) ? (
            <EventOperationForm action={refreshObjectAction} label={`Refresh ${event.objectId} from Stripe`} pendingLabel="Reading…" fields={{ objectId: event.objectId }} />
          ) : null}
        </div>
      ) : null}
      <div>
        {/* byte for byte as signed (Stripe sends it indented): re-formatting would hide an altered body */}
        <h2 className="mb-2 text-lg font-semibold">Payload</h2>
        <pre aria-label="Raw payload" className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-4 font-mono text-xs text-slate-100">
          {event.payload}
        </pre>
      </div>
    </section>
  );
}
