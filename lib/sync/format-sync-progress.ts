// One line of backfill progress, for the command line and the Events page alike.

export function formatSyncProgress(line: { label: string; status: string; done: number; estimated: number | null; rate: number | null }): string {
  const estimate = line.estimated && line.estimated > line.done ? ` / ≈${line.estimated}` : '';
  const rate = line.rate ? ` · ${Math.round(line.rate)} objects/s` : '';
  return `${line.label}: ${line.done}${estimate} ${line.status}${rate}`;
}
