// A payment's status as a coloured chip, with refunds and disputes called out the way merchants ask about them.
import { STATUS_LABELS, type PaymentStatus } from '@/lib/payments/list-payments-filter';

const TONES: Record<PaymentStatus, string> = {
  succeeded: 'bg-green-50 text-green-800 ring-green-600/20',
  requires_capture: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  canceled: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  processing: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  requires_action: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  requires_confirmation: 'bg-slate-50 text-slate-700 ring-slate-500/20',
  requires_payment_method: 'bg-slate-50 text-slate-700 ring-slate-500/20',
};

const CHIP = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

export function PaymentsStatusBadge(props: { status: PaymentStatus; amountReceived: number; amountRefunded: number; isDisputed: boolean }) {
  const refund =
    props.amountRefunded > 0 ? (props.amountRefunded >= props.amountReceived ? 'Refunded' : 'Partially refunded') : null;
  return (
    <span className="flex flex-wrap gap-1">
      <span className={`${CHIP} ${TONES[props.status] ?? TONES.requires_payment_method}`}>{STATUS_LABELS[props.status] ?? props.status}</span>
      {refund ? <span className={`${CHIP} bg-violet-50 text-violet-800 ring-violet-600/20`}>{refund}</span> : null}
      {props.isDisputed ? <span className={`${CHIP} bg-red-50 text-red-800 ring-red-600/20`}>Disputed</span> : null}
    </span>
  );
}
