// A reconciliation's or a refresh's outcome in words, for the Events page.
import type { ReconciliationReport } from './reconcile-range';
import type { ColumnDifference, ObjectReconciliation } from './refresh-object';

const MAX_LISTED = 20;

const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

function describeDifferences(differences: ColumnDifference[]): string {
  return differences.map((difference) => `${difference.column} ${shown(difference.before)} → ${shown(difference.after)}`).join(', ');
}

export function describeObjectReconciliation(result: ObjectReconciliation): string {
  switch (result.result) {
    case 'created':
      return `${result.id} was missing from the projection; added from Stripe.`;
    case 'repaired':
      return `${result.id} differed from Stripe and was repaired: ${describeDifferences(result.differences)}.`;
    case 'in_sync':
      return `${result.id} matches Stripe.`;
    case 'kept_newer':
      return `${result.id}: the projection holds a webhook state newer than this read; left as it is.`;
    case 'deleted':
      return `${result.id} is deleted in Stripe${result.differences.length > 0 ? '; marked deleted here' : ''}.`;
  }
}

export function describeReconciliation(report: ReconciliationReport): string {
  const head = `Checked ${report.checked} objects: ${report.inSync} matched, ${report.keptNewer} held newer webhook state, ${report.fixed.length} fixed.`;
  if (report.fixed.length === 0) return head;
  const listed = report.fixed.slice(0, MAX_LISTED).map(describeObjectReconciliation).join(' ');
  const more = report.fixed.length > MAX_LISTED ? ` …and ${report.fixed.length - MAX_LISTED} more.` : '';
  return `${head} ${listed}${more}`;
}
