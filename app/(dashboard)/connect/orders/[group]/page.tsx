// /connect/orders/<transfer_group>: one order's charge, fee, transfer, refunds, fee refunds and the seller's payouts side by side.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConnectMoneyLines } from '@/components/connect-money-lines';
import { ConnectRefundForm } from '@/components/connect-refund-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { reconcileOrder } from '@/lib/connect/reconcile-order';
import { formatMinorAmount } from '@/lib/money';
import { refundOrderChargeAction } from '../../actions';

export const metadata = { title: 'Order reconciliation · Paydesk' };

export default async function OrderPage({ params }: { params: Promise<{ group: string }> }) {
  const user = await requirePermission('connect:view-accounts');
  const canManage = can(user.role, 'connect:manage');
  const transferGroup = decodeURIComponent((await params).group);
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(transferGroup)) notFound();
  const order = await reconcileOrder({ transferGroup });
  const sections = [
    { title: 'Charge', lines: order.charges.map((charge) => ({ ...charge, note: charge.amountRefunded ? `refunded ${formatMinorAmount(charge.amountRefunded, charge.currency)}` : charge.paymentIntentId ?? undefined })) },
    { title: 'Platform fee', lines: order.fees.map((fee) => ({ ...fee, note: fee.amountRefunded ? `refunded ${formatMinorAmount(fee.amountRefunded, fee.currency)}` : undefined })) },
    { title: 'Transfer', lines: order.transfers.map((transfer) => ({ ...transfer, note: transfer.amountReversed ? `reversed ${formatMinorAmount(transfer.amountReversed, transfer.currency)}` : undefined })) },
    { title: 'Refunds', lines: order.refunds },
    { title: 'Fee refunds', lines: order.feeRefunds },
    { title: 'Transfer reversals', lines: order.transferReversals },
    { title: 'Seller payouts since this order', lines: order.payouts },
  ];
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/connect" className="text-sm text-indigo-700 underline">
        ← Connect
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Order {transferGroup}
      </h1>
      {order.transfers.length === 0 ? <p role="status">Waiting for Stripe to confirm this order’s transfer.</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {sections.map((section) => (
          <section key={section.title} aria-label={section.title} className="space-y-2">
            <h2 className="text-lg font-semibold">{section.title}</h2>
            <ConnectMoneyLines caption={section.title} empty="None." lines={section.lines} />
          </section>
        ))}
      </div>
      {order.charges
        .filter((charge) => canManage && charge.status === 'succeeded' && charge.amountRefunded < charge.amount)
        .map((charge) => (
          <section key={charge.id} aria-label={`Refund ${charge.id}`} className="space-y-2">
            <h2 className="text-lg font-semibold">Refund {charge.id}</h2>
            <ConnectRefundForm action={refundOrderChargeAction} chargeId={charge.id} idempotencyNonce={randomUUID()} />
          </section>
        ))}
    </section>
  );
}
