// Downloads of uploaded files: `GET /v1/files/<id>/contents` with the account's secret key (Stripe serves it on
// files.stripe.com), and the public file-link address `/_sandbox/files/links/<token>` that needs no key.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSecretKey } from '../http/auth';
import { resourceMissing } from '../http/stripe-error';
import { FILE_LINK_PREFIX, findFile } from '../resources/files';
import { PURPOSE_RULES } from '../resources/file-purposes';
import type { Account } from '../store/account';
import type { SandboxStore } from '../store/sandbox-store';
import { nowSeconds } from '../store/ids';
import { page, sendHtml } from './html';

const CONTENTS_PATH = /^\/v1\/files\/([^/]+)\/contents$/;

function sendContents(response: ServerResponse, account: Account, fileId: string, filename: string | null): boolean {
  const content = account.get('file_content', fileId);
  if (!content) return false;
  const data = Buffer.from(content.base64, 'base64');
  response.writeHead(200, {
    'Content-Type': content.mimeType,
    'Content-Length': String(data.length),
    'Content-Disposition': `inline; filename="${(filename ?? fileId).replace(/["\\\r\n]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  response.end(data);
  return true;
}

export function serveFileDownload(store: SandboxStore, request: IncomingMessage, response: ServerResponse, path: string): boolean {
  if ((request.method ?? 'GET') !== 'GET') return false;
  const contents = CONTENTS_PATH.exec(path);
  if (contents) {
    const account = store.account(readSecretKey(request.headers.authorization));
    const file = findFile(account, decodeURIComponent(contents[1]!), 'file');
    if (!PURPOSE_RULES[file.purpose]?.downloadable) throw resourceMissing('file upload', file.id, 'file');
    return sendContents(response, account, file.id, file.filename);
  }
  if (!path.startsWith(FILE_LINK_PREFIX)) return false;
  for (const account of store.allAccounts()) {
    const link = account.all('file_link').find((candidate) => candidate.url !== null && new URL(candidate.url).pathname === path);
    if (!link) continue;
    const fileId = typeof link.file === 'string' ? link.file : link.file.id;
    const file = account.get('file', fileId);
    const expired = (link.expires_at !== null && link.expires_at <= nowSeconds()) || (file?.expires_at != null && file.expires_at <= nowSeconds());
    if (expired || !file) {
      sendHtml(response, 410, page('Link expired', '<h1>This link has expired</h1><p>Ask the sender for a new link.</p>'));
      return true;
    }
    return sendContents(response, account, file.id, file.filename);
  }
  sendHtml(response, 404, page('Link not found', '<h1>Link not found</h1><p>No file is shared at this address.</p>'));
  return true;
}
