// /quotes/new: the create form, with a fresh idempotency nonce per render.
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { QuoteCreateForm } from '@/components/quote-create-form';
import { requirePermission } from '@/lib/auth/require-role';
import { listCustomers } from '@/lib/customers/list-customers';
import { retrieveCustomer } from '@/lib/customers/retrieve-customer';
import { listQuotePrices } from '@/lib/quotes/list-quote-prices';
import { createQuoteAction } from './actions';

export const metadata = { title: 'New quote · Paydesk' };

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  await requirePermission('quotes:manage');
  const { customer } = await searchParams;
  const customerId = customer && /^cus_[A-Za-z0-9]+$/.test(customer) ? customer : undefined;
  const [{ customers }, prices] = await Promise.all([listCustomers({ limit: 100 }), listQuotePrices()]);
  // A customer asked for by link (e.g. from its page) is offered even when it is not among the newest.
  const asked = customerId && !customers.some((item) => item.id === customerId) ? await retrieveCustomer({ customerId }) : null;
  const options = [...(asked ? [asked] : []), ...customers].map((item) => ({ id: item.id, label: [item.name, item.email, item.id].filter(Boolean).join(' · ') }));
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href="/quotes" className="text-sm text-indigo-700 underline">
        ← Quotes
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        New quote
      </h1>
      <QuoteCreateForm
        action={createQuoteAction}
        idempotencyNonce={randomUUID()}
        customers={options}
        prices={prices}
        customerId={customerId}
      />
    </section>
  );
}
