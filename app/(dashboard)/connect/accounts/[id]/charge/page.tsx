// /connect/accounts/acct_…/charge: a destination charge for this seller's order; the card is taken on the usual
// payment confirmation step (/payments/new/confirm).
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConnectDestinationChargeForm } from '@/components/connect-destination-charge-form';
import { requirePermission } from '@/lib/auth/require-role';
import { accountIdSchema } from '@/lib/connect/connect-input';
import { retrieveConnectedAccount } from '@/lib/connect/retrieve-connected-account';
import { createDestinationChargeAction } from '../../../actions';

export const metadata = { title: 'Destination charge · Paydesk' };

export default async function DestinationChargePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('connect:manage');
  const parsed = accountIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const account = await retrieveConnectedAccount({ accountId: parsed.data });
  if (!account) notFound();
  const nonce = randomUUID();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href={`/connect/accounts/${account.id}`} className="text-sm text-indigo-700 underline">
        ← {account.seller?.name ?? account.id}
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        New destination charge
      </h1>
      <p className="text-sm text-slate-600">
        The customer pays the platform; Stripe transfers the amount less the platform fee to {account.seller?.name ?? account.id} when the payment is captured.
      </p>
      <ConnectDestinationChargeForm action={createDestinationChargeAction} accountId={account.id} idempotencyNonce={nonce} defaultOrderReference={`O-${nonce.slice(0, 8)}`} />
    </section>
  );
}
