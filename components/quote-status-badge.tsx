// A quote's status as Stripe has it, marked while its quote.* webhook has not confirmed it yet.
import { QUOTE_STATUS_LABELS } from '@/lib/quotes/quote-view';

const TONES: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700',
  open: 'bg-indigo-50 text-indigo-800',
  accepted: 'bg-green-50 text-green-800',
  canceled: 'bg-slate-100 text-slate-500',
};

export function QuoteStatusBadge(props: { status: string; confirmedStatus?: string | null }) {
  const isAwaitingConfirmation = props.confirmedStatus !== undefined && props.confirmedStatus !== props.status;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className={`rounded px-2 py-0.5 text-sm font-medium ${TONES[props.status] ?? 'bg-slate-100'}`}>{QUOTE_STATUS_LABELS[props.status] ?? props.status}</span>
      {isAwaitingConfirmation ? (
        <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800" title="Shown from Stripe's answer; Stripe's webhook has not confirmed it yet">
          awaiting confirmation
        </span>
      ) : null}
    </span>
  );
}
