// One SetupIntent's diagnosis: status, last error, attempts newest first with their errors in words, the mandate.
import Link from 'next/link';
import type { PaymentFailure } from '@/lib/payments/explain-decline';
import type { SetupIntentDiagnosis } from '@/lib/setup-diagnostics/diagnose-setup-intents';

const formatTime = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function FailureText({ failure }: { failure: PaymentFailure }) {
  return (
    <span className="block space-y-0.5">
      <span className="block">{failure.message}</span>
      <span className="block font-mono text-xs text-slate-600">
        {[failure.code, failure.declineCode].filter(Boolean).join(' · ')}
      </span>
      <span className="block text-slate-700">{failure.explanation}</span>
    </span>
  );
}

export function SetupDiagnosis({ diagnosis }: { diagnosis: SetupIntentDiagnosis }) {
  const headingId = `setup-${diagnosis.id}`;
  return (
    <article aria-labelledby={headingId} className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id={headingId} className="font-mono text-lg font-semibold">
        {diagnosis.id}
      </h2>
      <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">Status</dt>
        <dd>
          <span className="font-mono">{diagnosis.status}</span> — {diagnosis.statusMeaning}
        </dd>
        <dt className="text-slate-500">Customer</dt>
        <dd>
          {diagnosis.customerId ? (
            <Link href={`/customers/${diagnosis.customerId}`} className="font-mono text-indigo-700 underline">
              {diagnosis.customerId}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt className="text-slate-500">Usage</dt>
        <dd>{diagnosis.usage === 'off_session' ? 'Off session (charged later without the customer)' : 'On session'}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd>{formatTime(diagnosis.created)}</dd>
        {diagnosis.lastError ? (
          <>
            <dt className="text-slate-500">Last error</dt>
            <dd>
              <FailureText failure={diagnosis.lastError} />
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-label={`Attempts of ${diagnosis.id}`} className="space-y-2">
        <h3 className="font-medium">Attempts, newest first</h3>
        {diagnosis.attempts.length === 0 ? (
          <p className="text-sm text-slate-600">No attempt yet: the intent was never confirmed.</p>
        ) : (
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th className="py-2 pr-4 font-medium">Attempt</th>
                <th className="py-2 pr-4 font-medium">Status</th>
                <th className="py-2 pr-4 font-medium">Payment method</th>
                <th className="py-2 pr-4 font-medium">Why</th>
                <th className="py-2 font-medium">When</th>
              </tr>
            </thead>
            <tbody>
              {diagnosis.attempts.map((attempt) => (
                <tr key={attempt.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4 font-mono text-xs">{attempt.id}</td>
                  <td className="py-2 pr-4">{attempt.status}</td>
                  <td className="py-2 pr-4">
                    {attempt.paymentMethod.card ?? '—'} <span className="block font-mono text-xs text-slate-500">{attempt.paymentMethod.id}</span>
                  </td>
                  <td className="py-2 pr-4">{attempt.error ? <FailureText failure={attempt.error} /> : '—'}</td>
                  <td className="whitespace-nowrap py-2">{formatTime(attempt.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-label={`Mandate of ${diagnosis.id}`} className="space-y-2">
        <h3 className="font-medium">Mandate</h3>
        {diagnosis.mandate ? (
          <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">Mandate</dt>
            <dd className="font-mono">{diagnosis.mandate.id}</dd>
            <dt className="text-slate-500">Status</dt>
            <dd>{diagnosis.mandate.status}</dd>
            <dt className="text-slate-500">Type</dt>
            <dd>{diagnosis.mandate.type === 'multi_use' ? 'Multi-use' : 'Single use'}</dd>
            <dt className="text-slate-500">Accepted</dt>
            <dd>
              {diagnosis.mandate.acceptance.type}
              {diagnosis.mandate.acceptance.acceptedAt ? `, ${formatTime(diagnosis.mandate.acceptance.acceptedAt)}` : ''}
              {diagnosis.mandate.acceptance.ipAddress ? ` from ${diagnosis.mandate.acceptance.ipAddress}` : ''}
            </dd>
          </dl>
        ) : (
          <p className="text-sm text-slate-600">
            {diagnosis.mandateNote ?? 'No mandate. Cards need one only in some cases (for example India-issued cards); bank debits always have one.'}
          </p>
        )}
      </section>
    </article>
  );
}
