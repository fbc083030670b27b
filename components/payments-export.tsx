'use client';
// Exports every payment the filter matches: reads the CSV stream, shows how many rows have arrived, then saves the file.
import { useState } from 'react';

type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number } | { phase: 'done'; rows: number } | { phase: 'failed'; message: string };

/** Rows end in \r\n; a line break inside a quoted cell is a bare \n. A chunk may split the pair. */
function countRowEnds(text: string, previousEndedWithCr: boolean): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (index > 0 ? text[index - 1] === '\r' : previousEndedWithCr) count += 1;
  }
  return count;
}

function saveFile(parts: BlobPart[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PaymentsExport({ query }: { query: string }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });

  async function run() {
    setState({ phase: 'running', rows: 0 });
    try {
      const response = await fetch(`/payments/export${query ? `?${query}` : ''}`, { headers: { Accept: 'text/csv' } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setState({ phase: 'failed', message: body?.error ?? 'The export failed; try again.' });
        return;
      }
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'payments.csv';
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parts: BlobPart[] = [];
      let lines = 0;
      let endedWithCr = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        const text = decoder.decode(value, { stream: true });
        lines += countRowEnds(text, endedWithCr);
        endedWithCr = text.endsWith('\r');
        setState({ phase: 'running', rows: Math.max(0, lines - 1) });
      }
      const rows = Math.max(0, lines - 1);
      saveFile(parts, fileName);
      setState({ phase: 'done', rows });
    } catch {
      setState({ phase: 'failed', message: 'The export was interrupted; try again.' });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={run}
        disabled={state.phase === 'running'}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60"
      >
        Export CSV
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {state.phase === 'running' ? `Exporting… ${state.rows.toLocaleString('en-US')} rows so far` : null}
        {state.phase === 'done' ? `Exported ${state.rows.toLocaleString('en-US')} ${state.rows === 1 ? 'row' : 'rows'}.` : null}
      </span>
      {state.phase === 'failed' ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
