// /: the overview every signed-in role starts from; the merchant's payment figures for those who may see them.
import Link from 'next/link';
import { PaymentsVolumeChart } from '@/components/payments-volume-chart';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { db } from '@/lib/db/client';
import { formatMinorAmount } from '@/lib/money';
import { navItemsFor } from '@/lib/navigation';
import { defaultOverviewRange, getPaymentsOverview, overviewRangeSchema, type CurrencyOverview } from '@/lib/payments/overview';

export const metadata = { title: 'Overview · Paydesk' };

type Search = Record<string, string | string[] | undefined>;

const percent = (basisPoints: number): string => `${(basisPoints / 100).toFixed(2)} %`;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function CurrencyFigures({ overview }: { overview: CurrencyOverview }) {
  const money = (minor: number) => formatMinorAmount(minor, overview.currency);
  return (
    <section aria-labelledby={`overview-${overview.currency}`} className="space-y-3">
      <h3 id={`overview-${overview.currency}`} className="text-base font-medium">
        {overview.currency.toUpperCase()}
      </h3>
      <dl className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Gross volume" value={money(overview.grossVolume)} />
        <Figure label="Net after refunds" value={money(overview.net)} />
        <Figure label="Succeeded payments" value={overview.succeededCount.toLocaleString('en-US')} />
        <Figure label="Refunded" value={money(overview.refunded)} />
        <Figure label="Refund rate (of volume)" value={percent(overview.refundRateBps)} />
        <Figure label="Dispute rate (of payments)" value={`${percent(overview.disputeRateBps)} · ${overview.disputeCount}`} />
      </dl>
      <PaymentsVolumeChart currency={overview.currency} daily={overview.daily} />
    </section>
  );
}

async function PaymentsOverview({ search }: { search: Search }) {
  const fallback = defaultOverviewRange();
  const parsed = overviewRangeSchema.safeParse({ from: search.from ?? fallback.from, to: search.to ?? fallback.to });
  const range = parsed.success ? parsed.data : fallback;
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the dates.');
  const overview = await getPaymentsOverview(range, db);
  return (
    <section aria-labelledby="payments-overview-title" className="space-y-4">
      <h2 id="payments-overview-title" className="text-lg font-medium">
        Payments
      </h2>
      <form action="/" className="flex flex-wrap items-end gap-2" aria-label="Overview range">
        {(['from', 'to'] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`overview-${name}`} className="block text-sm font-medium text-slate-700">
              {name === 'from' ? 'From' : 'To'} (UTC)
            </label>
            <input id={`overview-${name}`} name={name} type="date" defaultValue={range[name]} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
          </div>
        ))}
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100">
          Show
        </button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error} Showing the last 30 days.
        </p>
      ) : null}
      {overview.length === 0 ? (
        <p className="text-slate-600">
          No payments succeeded between {range.from} and {range.to}.
        </p>
      ) : (
        overview.map((entry) => <CurrencyFigures key={entry.currency} overview={entry} />)
      )}
    </section>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('overview:view');
  const sections = navItemsFor(user.role).filter((item) => item.href !== '/');
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Overview
        </h1>
        <p className="mt-2 text-slate-600">Signed in as {user.name}.</p>
      </div>
      {can(user.role, 'payments:view-merchant') ? <PaymentsOverview search={await searchParams} /> : null}
      <div>
        <h2 className="text-lg font-medium">Your sections</h2>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
