// /connect: for admins, the connected accounts, sellers to follow up and the invite form; for a seller, their own
// onboarding card, the payments transferred to them and their payouts.
import Link from 'next/link';
import { ConnectInviteForm } from '@/components/connect-invite-form';
import { ConnectMoneyLines, formatUnixDate } from '@/components/connect-money-lines';
import { ConnectOnboardingButton } from '@/components/connect-onboarding-button';
import { ConnectRequirements } from '@/components/connect-requirements';
import { DataTable } from '@/components/data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission, type SessionUser } from '@/lib/auth/require-role';
import { ACCOUNT_STATUS_LABELS } from '@/lib/connect/account-status';
import { listAbandonedOnboarding } from '@/lib/connect/list-abandoned-onboarding';
import { listConnectedAccounts, type ConnectedAccountRow } from '@/lib/connect/list-connected-accounts';
import { retrieveSellerOverview } from '@/lib/connect/retrieve-seller-overview';
import { formatMinorAmount } from '@/lib/money';
import { inviteSellerAction, startOnboardingAction } from './actions';

export const metadata = { title: 'Connect · Paydesk' };

export default async function ConnectPage({ searchParams }: { searchParams: Promise<{ onboarding?: string }> }) {
  const user = await requirePermission('connect:view');
  const { onboarding } = await searchParams;
  if (!can(user.role, 'connect:view-accounts')) return <SellerView user={user} isLinkUnavailable={onboarding === 'unavailable'} />;
  return <PlatformView canManage={can(user.role, 'connect:manage')} />;
}

function AccountsTable({ caption, rows }: { caption: string; rows: ConnectedAccountRow[] }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: 'Seller',
          cell: (row) => (
            <Link href={`/connect/accounts/${row.id}`} className="text-indigo-700 underline">
              {row.sellerName ?? row.businessName ?? row.sellerEmail ?? row.id}
            </Link>
          ),
        },
        { header: 'Email', cell: (row) => row.sellerEmail ?? '' },
        { header: 'Account', cell: (row) => row.id, className: 'font-mono text-xs' },
        { header: 'Status', cell: (row) => ACCOUNT_STATUS_LABELS[row.status] },
        { header: 'Currently due', cell: (row) => (row.currentlyDue.length ? `${row.currentlyDue.length} items` : 'nothing') },
        { header: 'Started onboarding', cell: (row) => row.onboardingStartedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '' },
      ]}
    />
  );
}

async function PlatformView({ canManage }: { canManage: boolean }) {
  const [accounts, abandoned] = await Promise.all([listConnectedAccounts(), listAbandonedOnboarding()]);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="page-title" className="text-2xl font-semibold">
          Connect
        </h1>
        <nav aria-label="Money movement" className="flex gap-4 text-sm">
          <Link href="/connect/transfers" className="text-indigo-700 underline">
            Transfers
          </Link>
          <Link href="/connect/payouts" className="text-indigo-700 underline">
            Payouts
          </Link>
        </nav>
      </div>
      <section aria-labelledby="accounts-title" className="space-y-2">
        <h2 id="accounts-title" className="text-lg font-semibold">
          Connected accounts
        </h2>
        {accounts.length ? <AccountsTable caption="Connected accounts, newest first" rows={accounts} /> : <p className="text-slate-600">No connected accounts yet.</p>}
      </section>
      <section aria-labelledby="abandoned-title" className="space-y-2">
        <h2 id="abandoned-title" className="text-lg font-semibold">
          Abandoned onboarding
        </h2>
        <p className="text-sm text-slate-600">Sellers who started onboarding and have not submitted their details, longest waiting first.</p>
        {abandoned.length ? <AccountsTable caption="Sellers to follow up" rows={abandoned} /> : <p className="text-slate-600">Nobody is stuck in onboarding.</p>}
      </section>
      {canManage ? (
        <section aria-labelledby="invite-title" className="space-y-2">
          <h2 id="invite-title" className="text-lg font-semibold">
            Invite a seller
          </h2>
          <ConnectInviteForm action={inviteSellerAction} />
        </section>
      ) : null}
    </section>
  );
}

async function SellerView({ user, isLinkUnavailable }: { user: SessionUser; isLinkUnavailable: boolean }) {
  const { account, payments, payouts } = await retrieveSellerOverview({ sellerUserId: user.id });
  const isOnboarded = account?.detailsSubmitted === true;
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Connect
        </h1>
        <p className="text-slate-600">Your seller account with {user.email}.</p>
      </div>
      <section aria-labelledby="onboarding-title" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="onboarding-title" className="text-lg font-semibold">
          Onboarding
        </h2>
        {isLinkUnavailable ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            Stripe could not open onboarding just now; nothing was changed. Try again in a moment.
          </p>
        ) : null}
        <p aria-label="Account status" className="font-medium">
          {account ? ACCOUNT_STATUS_LABELS[account.status] : ACCOUNT_STATUS_LABELS.not_started}
        </p>
        {!isOnboarded ? (
          <>
            <p className="text-sm text-slate-600">Stripe collects your business and bank details on its own secure page; you come back here when you are done.</p>
            <ConnectOnboardingButton action={startOnboardingAction} label={account ? 'Continue onboarding' : 'Start onboarding'} />
          </>
        ) : null}
        {isOnboarded && account && account.currentlyDue.length > 0 ? (
          <>
            <ConnectRequirements title="Stripe needs" names={account.currentlyDue} />
            <a href="/api/connect/onboarding" className="text-sm text-indigo-700 underline">
              Update details
            </a>
          </>
        ) : null}
      </section>
      <section aria-labelledby="payments-title" className="space-y-2">
        <h2 id="payments-title" className="text-lg font-semibold">
          Your payments
        </h2>
        {payments.length ? (
          <DataTable
            caption="Payments transferred to you, newest first"
            rows={payments}
            rowKey={(payment) => payment.id}
            columns={[
              { header: 'Payment', cell: (payment) => payment.id, className: 'font-mono text-xs' },
              { header: 'Order', cell: (payment) => payment.transferGroup ?? '' },
              { header: 'Received', cell: (payment) => formatMinorAmount(payment.received, payment.currency) },
              { header: 'Platform fee', cell: (payment) => formatMinorAmount(payment.platformFee, payment.currency) },
              { header: 'You keep', cell: (payment) => formatMinorAmount(payment.net, payment.currency) },
              { header: 'Date', cell: (payment) => formatUnixDate(payment.created) },
            ]}
          />
        ) : (
          <p className="text-sm text-slate-600">No payments yet.</p>
        )}
      </section>
      <section aria-labelledby="payouts-title" className="space-y-2">
        <h2 id="payouts-title" className="text-lg font-semibold">
          Your payouts
        </h2>
        <ConnectMoneyLines caption="Payouts to your bank account, newest first" empty="No payouts yet." lines={payouts} />
      </section>
    </section>
  );
}
