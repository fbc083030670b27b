// /setup-diagnostics: why a card could not be saved — SetupIntents by id, customer id or email, their attempts
// newest first with errors in words, and the mandate when there is one.
import { SetupDiagnosis } from '@/components/setup-diagnosis';
import { requirePermission } from '@/lib/auth/require-role';
import { diagnoseSetupIntents, setupSearchSchema } from '@/lib/setup-diagnostics/diagnose-setup-intents';

export const metadata = { title: 'Setup diagnostics · Paydesk' };

export default async function SetupDiagnosticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('setup-diagnostics:view');
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q : '';
  const parsed = query ? setupSearchSchema.safeParse(query) : null;
  const error = parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? 'Check the search.') : null;
  const diagnoses = parsed?.success ? await diagnoseSetupIntents({ query: parsed.data }) : null;

  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <h1 id="page-title" className="text-2xl font-semibold">
        Setup diagnostics
      </h1>
      <form method="get" role="search" aria-label="Find SetupIntents" className="flex max-w-2xl flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="setup-query" className="text-sm font-medium text-slate-700">
            SetupIntent or customer
          </label>
          <input
            id="setup-query"
            name="q"
            defaultValue={query}
            placeholder="seti_…, cus_… or email"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'setup-query-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {error ? (
            <p id="setup-query-error" className="mt-1 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white">
          Diagnose
        </button>
      </form>
      {diagnoses === null ? null : diagnoses.length === 0 ? (
        <p role="status" className="text-slate-600">
          No SetupIntent found for {query}.
        </p>
      ) : (
        diagnoses.map((diagnosis) => <SetupDiagnosis key={diagnosis.id} diagnosis={diagnosis} />)
      )}
    </section>
  );
}
