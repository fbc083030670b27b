// The Events page's "Refused deliveries": why recent deliveries failed signature verification, in words.
import type { DeliveryFailureRow } from '@/lib/webhooks/list-delivery-failures';

const formatTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

export function EventSignatureFailures({ failures }: { failures: DeliveryFailureRow[] }) {
  if (failures.length === 0) return null;
  return (
    <section aria-labelledby="signature-failures-title" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-4">
      <h2 id="signature-failures-title" className="text-lg font-semibold text-red-900">
        Refused deliveries (last 24 h)
      </h2>
      <p className="text-sm text-red-900">These requests failed signature verification: they were answered 400 and not stored.</p>
      <ul className="space-y-2 text-sm">
        {failures.map((failure) => (
          <li key={failure.bucket} className="rounded bg-white p-2">
            <p>{failure.explanation}</p>
            <p className="mt-1 text-xs text-slate-600">
              {failure.count === 1 ? 'once' : `${failure.count} times`}, last at {formatTime(failure.lastSeenAt)} UTC · body {failure.bodyBytes} bytes, SHA-256{' '}
              <span className="font-mono">{failure.bodySha256.slice(0, 16)}…</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
