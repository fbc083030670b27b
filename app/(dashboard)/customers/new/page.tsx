// /customers/new: the create form, with a fresh idempotency nonce per render.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { CustomerForm } from '@/components/customer-form';
import { requirePermission } from '@/lib/auth/require-role';
import { createCustomerAction } from '../actions';

export const metadata = { title: 'New customer · Paydesk' };

export default async function NewCustomerPage() {
  await requirePermission('customers:create');
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href="/customers" className="text-sm text-indigo-700 underline">
        ← Customers
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        New customer
      </h1>
      <CustomerForm action={createCustomerAction} mode={{ kind: 'create', idempotencyNonce: randomUUID() }} />
    </section>
  );
}
