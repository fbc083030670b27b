// A payment's status as a chip, with "confirming" while only an action's own response (no webhook) vouches for it.
const STATUS_LABELS: Record<string, { label: string; className: string }> = {
  succeeded: { label: 'Succeeded', className: 'bg-green-100 text-green-800' },
  requires_capture: { label: 'Uncaptured', className: 'bg-amber-100 text-amber-800' },
  requires_payment_method: { label: 'Incomplete', className: 'bg-slate-100 text-slate-700' },
  requires_confirmation: { label: 'Awaiting confirmation', className: 'bg-slate-100 text-slate-700' },
  requires_action: { label: 'Awaiting authentication', className: 'bg-slate-100 text-slate-700' },
  processing: { label: 'Processing', className: 'bg-sky-100 text-sky-800' },
  canceled: { label: 'Canceled', className: 'bg-slate-200 text-slate-700' },
};

export function PaymentStatusBadge({ status, isConfirming }: { status: string; isConfirming?: boolean }) {
  const shown = STATUS_LABELS[status] ?? { label: status, className: 'bg-slate-100 text-slate-700' };
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${shown.className}`}>{shown.label}</span>
      {isConfirming ? <span className="rounded border border-dashed border-slate-400 px-2 py-0.5 text-xs text-slate-600">confirming</span> : null}
    </span>
  );
}
