// /connect/accounts/acct_…: one connected account for admins: status, capabilities, requirements, live balance,
// requirement history, orders, transfers, fees and payouts.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConnectMoneyLines, formatUnixDate } from '@/components/connect-money-lines';
import { ConnectPayoutForm } from '@/components/connect-payout-form';
import { ConnectRequirements } from '@/components/connect-requirements';
import { DataTable } from '@/components/data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { ACCOUNT_STATUS_LABELS } from '@/lib/connect/account-status';
import { accountIdSchema } from '@/lib/connect/connect-input';
import { describeRequirements } from '@/lib/connect/describe-requirement';
import { listApplicationFees } from '@/lib/connect/list-application-fees';
import { listOrderGroups } from '@/lib/connect/list-order-groups';
import { listPayouts } from '@/lib/connect/list-payouts';
import { listRequirementHistory } from '@/lib/connect/list-requirement-history';
import { listTransfers } from '@/lib/connect/list-transfers';
import { retrieveAccountBalance } from '@/lib/connect/retrieve-account-balance';
import { retrieveConnectedAccount } from '@/lib/connect/retrieve-connected-account';
import { formatMinorAmount } from '@/lib/money';
import { createPayoutAction } from '../../actions';

export const metadata = { title: 'Connected account · Paydesk' };

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export default async function ConnectedAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('connect:view-accounts');
  const canManage = can(user.role, 'connect:manage');
  const parsed = accountIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const accountId = parsed.data;
  const account = await retrieveConnectedAccount({ accountId });
  if (!account) notFound();
  const [history, transfers, fees, payouts, orders, balance] = await Promise.all([
    listRequirementHistory({ accountId }),
    listTransfers({ accountId }),
    listApplicationFees({ accountId }),
    listPayouts({ accountId }),
    listOrderGroups({ accountId }),
    retrieveAccountBalance({ accountId }),
  ]);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/connect" className="text-sm text-indigo-700 underline">
        ← Connect
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        {account.seller?.name ?? account.businessName ?? account.email ?? account.id}
      </h1>
      <dl className="grid max-w-2xl grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Account</dt>
        <dd className="font-mono text-xs">{account.id}</dd>
        <dt className="text-slate-500">Seller</dt>
        <dd>{account.seller ? `${account.seller.name} <${account.seller.email}>` : 'not linked to a Paydesk seller'}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd aria-label="Account status">{ACCOUNT_STATUS_LABELS[account.status]}{account.isAwaitingWebhook ? ' (awaiting Stripe’s confirmation)' : ''}</dd>
        <dt className="text-slate-500">Details submitted</dt>
        <dd>{yesNo(account.detailsSubmitted)}</dd>
        <dt className="text-slate-500">Charges enabled</dt>
        <dd>{yesNo(account.chargesEnabled)}</dd>
        <dt className="text-slate-500">Payouts enabled</dt>
        <dd>{yesNo(account.payoutsEnabled)}</dd>
        <dt className="text-slate-500">Card payments capability</dt>
        <dd>{account.capabilities.card_payments ?? 'not requested'}</dd>
        <dt className="text-slate-500">Transfers capability</dt>
        <dd>{account.capabilities.transfers ?? 'not requested'}</dd>
        <dt className="text-slate-500">Disabled reason</dt>
        <dd>{account.disabledReason ?? 'none'}</dd>
        <dt className="text-slate-500">Available balance</dt>
        <dd aria-label="Available balance">{balance.available.map((entry) => formatMinorAmount(entry.amount, entry.currency)).join(', ') || 'none'}</dd>
        <dt className="text-slate-500">Pending balance</dt>
        <dd>{balance.pending.map((entry) => formatMinorAmount(entry.amount, entry.currency)).join(', ') || 'none'}</dd>
      </dl>
      <ConnectRequirements title="Currently due" names={account.currentlyDue} />
      <ConnectRequirements title="Past due" names={account.pastDue} />

      <div className="flex flex-wrap items-start gap-4">
        {canManage && account.chargesEnabled ? (
          <Link href={`/connect/accounts/${account.id}/charge`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
            New destination charge
          </Link>
        ) : null}
        {canManage && account.payoutsEnabled ? <ConnectPayoutForm action={createPayoutAction} accountId={account.id} idempotencyNonce={randomUUID()} /> : null}
      </div>

      <section aria-labelledby="orders-title" className="space-y-2">
        <h2 id="orders-title" className="text-lg font-semibold">
          Orders
        </h2>
        {orders.length ? (
          <ul className="list-disc pl-5 text-sm">
            {orders.map((group) => (
              <li key={group}>
                <Link href={`/connect/orders/${encodeURIComponent(group)}`} className="text-indigo-700 underline">
                  {group}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No orders yet.</p>
        )}
      </section>
      <section aria-labelledby="transfers-title" className="space-y-2">
        <h2 id="transfers-title" className="text-lg font-semibold">
          Transfers to this seller
        </h2>
        <ConnectMoneyLines caption="Transfers, newest first" empty="No transfers yet." lines={transfers.map((transfer) => ({ ...transfer, accountId: transfer.destinationAccountId, note: transfer.transferGroup ?? undefined }))} />
      </section>
      <section aria-labelledby="fees-title" className="space-y-2">
        <h2 id="fees-title" className="text-lg font-semibold">
          Platform fees
        </h2>
        <ConnectMoneyLines caption="Application fees, newest first" empty="No fees yet." lines={fees.map((fee) => ({ ...fee, note: fee.amountRefunded ? `refunded ${formatMinorAmount(fee.amountRefunded, fee.currency)}` : undefined }))} />
      </section>
      <section aria-labelledby="payouts-title" className="space-y-2">
        <h2 id="payouts-title" className="text-lg font-semibold">
          Payouts
        </h2>
        <ConnectMoneyLines caption="Payouts, newest first" empty="No payouts yet." lines={payouts} />
      </section>
      <section aria-labelledby="history-title" className="space-y-2">
        <h2 id="history-title" className="text-lg font-semibold">
          Requirements history
        </h2>
        {history.length ? (
          <DataTable
            caption="What each account update added or cleared, newest first"
            rows={history}
            rowKey={(row) => row.id}
            columns={[
              { header: 'When', cell: (row) => formatUnixDate(row.eventCreated) },
              { header: 'Added', cell: (row) => describeRequirements(row.added).join(', ') || '—' },
              { header: 'Cleared', cell: (row) => describeRequirements(row.cleared).join(', ') || '—' },
              { header: 'Still due', cell: (row) => row.currentlyDue.length },
              { header: 'Charges', cell: (row) => (row.chargesEnabled ? 'enabled' : 'disabled') },
              { header: 'Event', cell: (row) => <Link href={`/events/${row.eventId}`} className="font-mono text-xs text-indigo-700 underline">{row.eventId}</Link> },
            ]}
          />
        ) : (
          <p className="text-sm text-slate-600">No account updates received yet.</p>
        )}
      </section>
    </section>
  );
}
