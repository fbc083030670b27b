// /connect/return: where Stripe's hosted onboarding sends the seller back. Returning proves nothing (Leave also
// returns), so the page waits for account.updated before it shows the status.
import Link from 'next/link';
import { ConnectRequirements } from '@/components/connect-requirements';
import { ConnectStatusRefresher } from '@/components/connect-status-refresher';
import { requirePermission } from '@/lib/auth/require-role';
import { ACCOUNT_STATUS_LABELS } from '@/lib/connect/account-status';
import { retrieveSellerOverview } from '@/lib/connect/retrieve-seller-overview';

export const metadata = { title: 'Onboarding · Paydesk' };

export default async function ConnectReturnPage() {
  const user = await requirePermission('connect:onboard');
  const { account } = await retrieveSellerOverview({ sellerUserId: user.id });
  const isConfirmed = account !== null && !account.isAwaitingWebhook && (account.detailsSubmitted || account.chargesEnabled);
  const isCheckedAndIncomplete = account !== null && !account.isAwaitingWebhook && !isConfirmed;
  return (
    <section aria-labelledby="page-title" className="max-w-2xl space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        Onboarding
      </h1>
      {isConfirmed && account ? (
        <>
          <p role="status" aria-label="Account status" className="rounded-md bg-green-50 px-3 py-2 font-medium text-green-800">
            {ACCOUNT_STATUS_LABELS[account.status]}
          </p>
          <ConnectRequirements title="Stripe still needs" names={account.currentlyDue} />
          {account.currentlyDue.length ? (
            <a href="/api/connect/onboarding" className="text-sm text-indigo-700 underline">
              Update details
            </a>
          ) : null}
        </>
      ) : (
        <>
          <p role="status" className="rounded-md bg-slate-100 px-3 py-2">
            We are checking your details with Stripe…
          </p>
          <ConnectRequirements title="Stripe still needs" names={isCheckedAndIncomplete && account ? account.currentlyDue : []} />
          {/* Leaving Stripe's page early also comes back here, and Stripe then sends no update to wait for. */}
          <p className="text-sm text-slate-600">
            Left before finishing?{' '}
            <a href="/api/connect/onboarding" className="text-indigo-700 underline">
              Continue onboarding
            </a>
          </p>
          <ConnectStatusRefresher />
        </>
      )}
      <p>
        <Link href="/connect" className="text-sm text-indigo-700 underline">
          Back to your seller account
        </Link>
      </p>
    </section>
  );
}
