// The receipt page a charge's `receipt_url` points at (`/_sandbox/receipts/<charge id>`), public like Stripe's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatAmount } from '../core/money';
import type { SandboxStore } from '../store/sandbox-store';
import { escapeHtml, page, sendHtml } from './html';

export const RECEIPT_PREFIX = '/_sandbox/receipts/';

export function serveReceiptPage(store: SandboxStore, request: IncomingMessage, response: ServerResponse, path: string): boolean {
  if (!path.startsWith(RECEIPT_PREFIX) || (request.method ?? 'GET') !== 'GET') return false;
  const id = decodeURIComponent(path.slice(RECEIPT_PREFIX.length));
  for (const account of store.allAccounts()) {
    const charge = account.get('charge', id);
    if (!charge) continue;
    const card = charge.payment_method_details?.card;
    const rows: [string, string][] = [
      ['Amount paid', `${formatAmount(charge.amount_captured || charge.amount, charge.currency)} ${charge.currency.toUpperCase()}`],
      ['Date paid', new Date(charge.created * 1000).toISOString().slice(0, 10)],
      ['Payment method', card ? `${card.brand ?? 'card'} •••• ${card.last4 ?? ''}` : 'card'],
      ['Status', charge.refunded ? 'Refunded' : charge.status],
    ];
    if (charge.amount_refunded > 0) rows.push(['Refunded', `${formatAmount(charge.amount_refunded, charge.currency)} ${charge.currency.toUpperCase()}`]);
    const list = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
    sendHtml(response, 200, page('Receipt', `<h1>Receipt</h1><p>${escapeHtml(charge.description ?? 'Payment')}</p><dl>${list}</dl>`));
    return true;
  }
  sendHtml(response, 404, page('Receipt not found', '<h1>Receipt not found</h1>'));
  return true;
}
