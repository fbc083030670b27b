// /customers: newest first, a page at a time, with an exact-email search.
import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { Pager } from '@/components/pager';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { customerSearchSchema, type CustomerSearch } from '@/lib/customers/customer-input';
import { listCustomers } from '@/lib/customers/list-customers';

export const metadata = { title: 'Customers · Paydesk' };

type Search = Record<string, string | string[] | undefined>;

function pageHref(email: string | undefined, cursor: { startingAfter?: string; endingBefore?: string }): string {
  const query = new URLSearchParams();
  if (email) query.set('email', email);
  if (cursor.startingAfter) query.set('startingAfter', cursor.startingAfter);
  if (cursor.endingBefore) query.set('endingBefore', cursor.endingBefore);
  return `/customers?${query.toString()}`;
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('customers:view');
  const parsed = customerSearchSchema.safeParse(await searchParams);
  const search: CustomerSearch = parsed.success ? parsed.data : { email: undefined };
  const page = await listCustomers(search);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="page-title" className="text-2xl font-semibold">
          Customers
        </h1>
        {can(user.role, 'customers:create') ? (
          <Link href="/customers/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
            New customer
          </Link>
        ) : null}
      </div>

      <form role="search" action="/customers" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="customer-search-email" className="block text-sm font-medium text-slate-700">
            Search by email
          </label>
          <input
            id="customer-search-email"
            name="email"
            type="search"
            defaultValue={search.email}
            placeholder="exact address"
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
          Search
        </button>
        {search.email ? (
          <Link href="/customers" className="px-2 py-2 text-sm text-indigo-700 underline">
            Clear search
          </Link>
        ) : null}
      </form>

      {page.customers.length === 0 ? (
        <p className="text-slate-600">{search.email ? `No customer has the email ${search.email}.` : 'No customers yet.'}</p>
      ) : (
        <DataTable
          caption="Customers, newest first"
          rows={page.customers}
          rowKey={(customer) => customer.id}
          columns={[
            {
              header: 'Email',
              cell: (customer) => (
                <Link href={`/customers/${customer.id}`} className="text-indigo-700 underline">
                  {customer.email ?? '(no email)'}
                </Link>
              ),
            },
            { header: 'Name', cell: (customer) => customer.name ?? '—' },
            { header: 'Phone', cell: (customer) => customer.phone ?? '—' },
            {
              header: 'ID',
              className: 'font-mono text-xs',
              cell: (customer) => (
                <>
                  {customer.id}
                  {customer.isAwaitingWebhook ? (
                    <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 font-sans text-amber-800" title="Shown from Stripe's answer; Stripe's webhook has not confirmed it yet">
                      awaiting webhook
                    </span>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}

      <Pager
        newer={page.previousCursor ? { href: pageHref(search.email, { endingBefore: page.previousCursor }), label: 'Newer' } : null}
        older={page.nextCursor ? pageHref(search.email, { startingAfter: page.nextCursor }) : null}
      />
    </section>
  );
}
