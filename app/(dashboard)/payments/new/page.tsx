// /payments/new: the create form, with a fresh idempotency nonce per render.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { PaymentCreateForm } from '@/components/payment-create-form';
import { requirePermission } from '@/lib/auth/require-role';
import { listCustomers } from '@/lib/customers/list-customers';
import { createPaymentAction } from './actions';

export const metadata = { title: 'New payment · Paydesk' };

export default async function NewPaymentPage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  await requirePermission('payments:create');
  const { customer } = await searchParams;
  const { customers } = await listCustomers({ limit: 100 });
  const options = customers.map((item) => ({ id: item.id, label: [item.name, item.email, item.id].filter(Boolean).join(' · ') }));
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href="/payments" className="text-sm text-indigo-700 underline">
        ← Payments
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        New payment
      </h1>
      <PaymentCreateForm
        action={createPaymentAction}
        idempotencyNonce={randomUUID()}
        customers={options}
        customerId={customer && /^cus_[A-Za-z0-9]+$/.test(customer) ? customer : undefined}
      />
    </section>
  );
}
