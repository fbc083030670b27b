// /disputes/[id]: one dispute — the disputed payment and its timeline, the customer, the evidence form (read-only
// once submitted), Submit and Accept the loss. Status as Stripe's webhooks confirmed it.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DisputeAcceptLossForm } from '@/components/dispute-accept-loss-form';
import { DisputeEvidenceForm } from '@/components/dispute-evidence-form';
import { DisputeStatusBadge } from '@/components/dispute-status-badge';
import { PageSection } from '@/components/page-section';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { disputeIdSchema } from '@/lib/disputes/dispute-input';
import { describeTimeLeft, dueUrgency, nowInSeconds } from '@/lib/disputes/due-urgency';
import { DISPUTE_REASON_LABELS } from '@/lib/disputes/evidence-checklist';
import { EVIDENCE_GROUPS } from '@/lib/disputes/evidence-fields';
import { retrieveDispute } from '@/lib/disputes/retrieve-dispute';
import { retrieveDisputeContext } from '@/lib/disputes/retrieve-dispute-context';
import { formatUnixMinute } from '@/lib/format-time';
import { formatMinorAmount } from '@/lib/money';
import { acceptDisputeLossAction, saveDisputeDraftAction, submitDisputeEvidenceAction } from './actions';

export const metadata = { title: 'Dispute · Paydesk' };

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('disputes:view');
  const parsedId = disputeIdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const found = await retrieveDispute({ disputeId: parsedId.data });
  if (!found) notFound();
  const { dispute, confirmedStatus, isAwaitingConfirmation } = found;
  const { customer, timeline } = await retrieveDisputeContext(dispute);
  const now = nowInSeconds();
  const urgency = dueUrgency(dispute.status, dispute.dueBy, now);
  const canRespond = can(user.role, 'disputes:respond');
  const money = formatMinorAmount(dispute.amount, dispute.currency);

  return (
    <section aria-labelledby="page-title" className="space-y-8">
      <Link href="/disputes" className="text-sm text-indigo-700 underline">
        ← Disputes
      </Link>
      <div className="space-y-1">
        <h1 id="page-title" className="text-2xl font-semibold">
          Dispute of {money} {dispute.currency.toUpperCase()}
        </h1>
        <p aria-label="Dispute status">
          <DisputeStatusBadge status={dispute.status} confirmedStatus={confirmedStatus} isAwaitingConfirmation={isAwaitingConfirmation} />
        </p>
      </div>

      {dispute.dueBy !== null && (urgency === 'overdue' || urgency === 'within_48_hours') ? (
        <p role="alert" className="max-w-3xl rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white">
          {urgency === 'overdue' ? 'The response is overdue' : 'Respond within 48 hours'}: evidence is due {formatUnixMinute(dispute.dueBy)} ({describeTimeLeft(dispute.dueBy, now)}).
        </p>
      ) : null}
      {dispute.dueBy !== null && urgency === 'within_5_days' ? (
        <p role="alert" className="max-w-3xl rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Respond within 5 days: evidence is due {formatUnixMinute(dispute.dueBy)} ({describeTimeLeft(dispute.dueBy, now)}).
        </p>
      ) : null}

      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">Dispute</dt>
        <dd className="font-mono">{dispute.id}</dd>
        <dt className="text-slate-500">Reason</dt>
        <dd>{DISPUTE_REASON_LABELS[dispute.reason] ?? dispute.reason}{dispute.isInquiry ? ' (inquiry)' : ''}</dd>
        <dt className="text-slate-500">Disputed payment</dt>
        <dd>
          {dispute.paymentIntentId ? (
            <Link href={`/payments/${dispute.paymentIntentId}`} className="font-mono text-indigo-700 underline">
              {dispute.paymentIntentId}
            </Link>
          ) : (
            '—'
          )}{' '}
          <span className="font-mono text-xs text-slate-500">{dispute.chargeId}</span>
        </dd>
        <dt className="text-slate-500">Customer</dt>
        <dd>
          {customer ? (
            <Link href={`/customers/${customer.id}`} className="text-indigo-700 underline">
              {customer.email ?? customer.name ?? customer.id}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt className="text-slate-500">Evidence due</dt>
        <dd>{dispute.dueBy === null ? '—' : `${formatUnixMinute(dispute.dueBy)}${dispute.isOpen ? ` (${describeTimeLeft(dispute.dueBy, now)})` : ''}`}</dd>
        <dt className="text-slate-500">Submissions</dt>
        <dd>{dispute.submissionCount}</dd>
        <dt className="text-slate-500">Opened</dt>
        <dd>{formatUnixMinute(dispute.created)}</dd>
      </dl>

      <PageSection title="Evidence">
        {dispute.isOpen && canRespond ? (
          <DisputeEvidenceForm
            disputeId={dispute.id}
            reason={dispute.reason}
            evidence={dispute.evidence}
            draftNonce={randomUUID()}
            submitNonce={randomUUID()}
            saveAction={saveDisputeDraftAction}
            submitAction={submitDisputeEvidenceAction}
          />
        ) : (
          <div className="space-y-3">
            <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
              {dispute.submissionCount > 0 ? 'Evidence submitted; it can no longer be changed.' : 'This dispute no longer takes evidence.'}
            </p>
            <dl aria-label="Submitted evidence" className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
              {EVIDENCE_GROUPS.flatMap((group) => group.fields)
                .filter((field) => dispute.evidence[field.name])
                .map((field) => (
                  <div key={field.name} className="contents">
                    <dt className="text-slate-500">{field.label}</dt>
                    <dd className="whitespace-pre-wrap break-words">{dispute.evidence[field.name]}</dd>
                  </div>
                ))}
            </dl>
          </div>
        )}
      </PageSection>

      {canRespond ? (
        <PageSection title="Accept the loss">
          <DisputeAcceptLossForm disputeId={dispute.id} idempotencyNonce={randomUUID()} action={acceptDisputeLossAction} isAvailable={dispute.isOpen} />
          {!dispute.isOpen ? <p className="text-sm text-slate-600">Only a dispute still waiting for a response can be given up.</p> : null}
        </PageSection>
      ) : null}

      <PageSection title="Timeline">
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">No events received for this payment yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {timeline.map((entry) => (
              <li key={entry.eventId}>
                <span className="text-slate-500">{formatUnixMinute(entry.created)}</span> — {entry.label} <span className="font-mono text-xs text-slate-500">{entry.type}</span>
              </li>
            ))}
          </ol>
        )}
      </PageSection>
    </section>
  );
}
