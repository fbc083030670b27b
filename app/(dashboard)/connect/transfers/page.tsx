// /connect/transfers: money sent from the platform's balance to sellers (webhook-confirmed), and a transfer against a charge.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { ConnectMoneyLines } from '@/components/connect-money-lines';
import { ConnectTransferForm } from '@/components/connect-transfer-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { listConnectedAccounts } from '@/lib/connect/list-connected-accounts';
import { listTransfers } from '@/lib/connect/list-transfers';
import { formatMinorAmount } from '@/lib/money';
import { createSourceTransferAction } from '../actions';

export const metadata = { title: 'Transfers · Paydesk' };

export default async function TransfersPage() {
  const user = await requirePermission('connect:view-accounts');
  const [transfers, accounts] = await Promise.all([listTransfers(), listConnectedAccounts()]);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/connect" className="text-sm text-indigo-700 underline">
        ← Connect
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Transfers
      </h1>
      <p className="text-sm text-slate-600">From the platform’s balance to sellers’ Stripe balances, as Stripe confirmed them. Payouts to banks are on their own page.</p>
      <ConnectMoneyLines
        caption="Transfers, newest first"
        empty="No transfers yet."
        lines={transfers.map((transfer) => ({
          ...transfer,
          accountId: transfer.destinationAccountId,
          note: [transfer.transferGroup, transfer.sourceTransactionId && `from ${transfer.sourceTransactionId}`, transfer.amountReversed && `reversed ${formatMinorAmount(transfer.amountReversed, transfer.currency)}`].filter(Boolean).join(' · '),
        }))}
      />
      {can(user.role, 'connect:manage') ? (
      <section aria-labelledby="new-transfer-title" className="space-y-2">
        <h2 id="new-transfer-title" className="text-lg font-semibold">
          Transfer from a charge
        </h2>
        <p className="text-sm text-slate-600">For orders a destination charge does not fit: split across sellers, or the seller decided later.</p>
        <ConnectTransferForm
          action={createSourceTransferAction}
          idempotencyNonce={randomUUID()}
          accounts={accounts.filter((account) => account.chargesEnabled).map((account) => ({ id: account.id, label: `${account.sellerName ?? account.sellerEmail ?? account.id} · ${account.id}` }))}
        />
      </section>
      ) : null}
    </section>
  );
}
