// /customers/[id]: one customer's details, and the edit form for roles that may update.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CustomerForm } from '@/components/customer-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { retrieveCustomer } from '@/lib/customers/retrieve-customer';
import { formatUnixMinute } from '@/lib/format-time';
import { updateCustomerAction } from '../actions';

export const metadata = { title: 'Customer · Paydesk' };

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission('customers:view');
  const { id } = await params;
  if (!/^cus_[A-Za-z0-9]+$/.test(id)) notFound();
  const customer = await retrieveCustomer({ customerId: id });
  if (!customer) notFound();
  const { created } = await searchParams;
  const metadata = Object.entries(customer.metadata);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <Link href="/customers" className="text-sm text-indigo-700 underline">
        ← Customers
      </Link>
      {created ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Customer created.
        </p>
      ) : null}
      <h1 id="page-title" className="text-2xl font-semibold">
        {customer.name ?? customer.email ?? customer.id}
      </h1>
      <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">ID</dt>
        <dd className="font-mono">{customer.id}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{customer.email ?? '—'}</dd>
        <dt className="text-slate-500">Name</dt>
        <dd>{customer.name ?? '—'}</dd>
        <dt className="text-slate-500">Phone</dt>
        <dd>{customer.phone ?? '—'}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatUnixMinute(customer.created)}</dd>
        <dt className="text-slate-500">Metadata</dt>
        <dd>
          {metadata.length === 0 ? '—' : (
            <ul>
              {metadata.map(([key, value]) => (
                <li key={key}>
                  <span className="font-mono">{key}</span>: {value}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {can(user.role, 'customers:update') ? (
        <section aria-labelledby="edit-title" className="space-y-4">
          <h2 id="edit-title" className="text-lg font-medium">
            Edit customer
          </h2>
          <CustomerForm action={updateCustomerAction} mode={{ kind: 'edit', customer }} />
        </section>
      ) : null}
    </section>
  );
}
