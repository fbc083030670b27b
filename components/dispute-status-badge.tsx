// A dispute's status as Stripe's webhooks confirmed it, and what an action just did while its webhook is on the way.
import { disputeStatusLabel } from '@/lib/disputes/dispute-view';

const TONES: Record<string, string> = {
  needs_response: 'bg-red-50 text-red-800',
  warning_needs_response: 'bg-red-50 text-red-800',
  under_review: 'bg-amber-50 text-amber-800',
  warning_under_review: 'bg-amber-50 text-amber-800',
  won: 'bg-green-50 text-green-800',
  lost: 'bg-slate-100 text-slate-700',
  warning_closed: 'bg-slate-100 text-slate-700',
};

export function DisputeStatusBadge(props: { status: string; confirmedStatus?: string | null; isAwaitingConfirmation: boolean }) {
  const shown = props.isAwaitingConfirmation ? (props.confirmedStatus ?? null) : props.status;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {shown ? <span className={`rounded px-2 py-0.5 text-sm font-medium ${TONES[shown] ?? 'bg-slate-100'}`}>{disputeStatusLabel(shown)}</span> : null}
      {props.isAwaitingConfirmation ? (
        <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800" title="Shown from Stripe's answer; Stripe's webhook has not confirmed it yet">
          {shown === props.status ? 'awaiting confirmation' : `${disputeStatusLabel(props.status)}, awaiting confirmation`}
        </span>
      ) : null}
    </span>
  );
}
