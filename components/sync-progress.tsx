'use client';
// Backfill progress per object type; while a sync runs, the page re-reads the status rows every second.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export interface SyncProgressLine {
  type: string;
  label: string;
  status: string;
  done: number;
  estimated: number | null;
  rate: number | null;
  isStalled: boolean;
  lastError: string | null;
}

const POLL_MS = 1000;

export function SyncProgress({ lines, isRunning }: { lines: SyncProgressLine[]; isRunning: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [isRunning, router]);

  return (
    <ul aria-label="Sync progress" className="grid gap-2 sm:grid-cols-2">
      {lines.map((line) => {
        const max = Math.max(line.estimated ?? 0, line.done, 1);
        const status = line.isStalled ? 'stalled (its process stopped; start again to resume)' : line.status;
        return (
          <li key={line.type} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
            <div className="flex justify-between gap-2">
              <span className="font-medium">{line.label}</span>
              <span className="text-slate-600">
                {line.done}
                {line.estimated && line.estimated > line.done ? ` / ≈${line.estimated}` : ''} · {status}
                {line.rate ? ` · ${Math.round(line.rate)}/s` : ''}
              </span>
            </div>
            <progress aria-label={`${line.label} synced`} value={line.status === 'done' ? max : line.done} max={max} className="mt-1 h-2 w-full" />
            {line.lastError ? <p className="mt-1 text-xs text-red-700">{line.lastError}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
