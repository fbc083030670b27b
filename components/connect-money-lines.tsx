// A small table of money lines (id, amount, status, when) for the Connect views.
import { formatMinorAmount } from '@/lib/money';
import { DataTable } from './data-table';

export interface ConnectMoneyLine {
  id: string;
  amount: number;
  currency: string;
  created: number;
  status?: string;
  accountId?: string | null;
  note?: string;
}

export const formatUnixDate = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export function ConnectMoneyLines({ caption, lines, empty }: { caption: string; lines: ConnectMoneyLine[]; empty: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <DataTable
      caption={caption}
      rows={lines}
      rowKey={(line) => line.id}
      columns={[
        { header: 'Id', cell: (line) => line.id, className: 'font-mono text-xs' },
        { header: 'Amount', cell: (line) => formatMinorAmount(line.amount, line.currency) },
        { header: 'Status', cell: (line) => line.status ?? '' },
        { header: 'Account', cell: (line) => line.accountId ?? 'platform', className: 'font-mono text-xs' },
        { header: 'Note', cell: (line) => line.note ?? '' },
        { header: 'Created', cell: (line) => formatUnixDate(line.created) },
      ]}
    />
  );
}
