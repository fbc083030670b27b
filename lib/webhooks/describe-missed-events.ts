// The missed-event check's outcome as one sentence for the Events page.
import type { MissedEventsReport } from './ingest-missed-events';

export function describeMissedEvents(report: MissedEventsReport, days: number): string {
  const checked = `Checked ${report.checked} event${report.checked === 1 ? '' : 's'} Stripe made in the last ${days} days`;
  if (report.missed.length === 0) return `${checked}: every one was received.`;
  const counts = new Map<string, number>();
  for (const entry of report.missed) counts.set(entry.result, (counts.get(entry.result) ?? 0) + 1);
  const outcomes = [...counts].map(([result, count]) => `${count} ${result}`).join(', ');
  const ids = report.missed.slice(0, 10).map((entry) => `${entry.id} (${entry.type})`).join(', ');
  const more = report.missed.length > 10 ? ` and ${report.missed.length - 10} more` : '';
  return `${checked}: ${report.missed.length} had not been received and were ingested now (${outcomes}): ${ids}${more}.`;
}
