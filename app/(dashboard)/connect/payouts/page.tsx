// /connect/payouts: money leaving sellers' Stripe balances for their banks (webhook-confirmed), apart from transfers.
import Link from 'next/link';
import { ConnectMoneyLines, formatUnixDate } from '@/components/connect-money-lines';
import { requirePermission } from '@/lib/auth/require-role';
import { listPayouts } from '@/lib/connect/list-payouts';

export const metadata = { title: 'Payouts · Paydesk' };

export default async function PayoutsPage() {
  await requirePermission('connect:view-accounts');
  const payouts = await listPayouts();
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/connect" className="text-sm text-indigo-700 underline">
        ← Connect
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Payouts
      </h1>
      <p className="text-sm text-slate-600">From sellers’ Stripe balances to their bank accounts, as Stripe confirmed them.</p>
      <ConnectMoneyLines caption="Payouts, newest first" empty="No payouts yet." lines={payouts.map((payout) => ({ ...payout, note: `arrives ${formatUnixDate(payout.arrivalDate)}` }))} />
    </section>
  );
}
