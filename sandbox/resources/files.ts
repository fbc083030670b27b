// Files (multipart upload with Stripe's per-purpose type and size rules; list, retrieve) and file links
// (create, update, expire, list). Contents and link downloads are served by hosted/file-downloads.ts.
import type Stripe from 'stripe';
import { recordEvent } from '../core/events';
import { paginate } from '../core/list';
import { applyMetadata } from '../core/metadata';
import { readBoolean, readInteger, readObject, readString } from '../core/read-params';
import type { ResourceModule } from '../core/resource-module';
import { publicBaseUrl } from '../hosted/public-url';
import type { RequestContext } from '../http/route';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/stripe-error';
import type { Account } from '../store/account';
import { newId, nowSeconds, randomAlphanumeric } from '../store/ids';
import { mimeTypeOf, PURPOSE_RULES, sniffKind } from './file-purposes';

export const FILE_LINK_PREFIX = '/_sandbox/files/links/';

const formatMegabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Stripe's resource name for files in "No such …" errors is still the old "file upload". */
export function findFile(account: Account, id: string, param = 'file'): Stripe.File {
  const file = account.get('file', id);
  if (!file) throw resourceMissing('file upload', id, param);
  return file;
}

export const contentsUrl = (fileId: string) => `${publicBaseUrl()}/v1/files/${fileId}/contents`;

function linksOf(account: Account, fileId: string): Stripe.FileLink[] {
  return account
    .all('file_link')
    .filter((link) => link.file === fileId)
    .map(renderLink);
}

/** A file as Stripe renders it: its links listed inline. */
export function renderFile(account: Account, file: Stripe.File): Stripe.File {
  const links = linksOf(account, file.id);
  return { ...file, links: { object: 'list', data: links, has_more: false, url: `/v1/file_links?file=${file.id}` } };
}

/** `expired` is a function of the clock, so it is computed when the link is shown. */
function renderLink(link: Stripe.FileLink): Stripe.FileLink {
  return { ...link, expired: link.expires_at !== null && link.expires_at <= nowSeconds() };
}

function readExpiresAt(value: number | undefined, param: string): number | null {
  if (value === undefined) return null;
  if (value <= nowSeconds()) throw invalidRequest('The expiry time must be in the future.', { param });
  return value;
}

function createLink(context: RequestContext, file: Stripe.File, params: RequestContext['params'], paramPrefix: string): Stripe.FileLink {
  const rules = PURPOSE_RULES[file.purpose];
  if (!rules?.downloadable) {
    throw invalidRequest(`Files with purpose \`${file.purpose}\` cannot be shared with a file link.`, { param: `${paramPrefix}file` });
  }
  const link: Stripe.FileLink = {
    id: newId('link'),
    object: 'file_link',
    created: nowSeconds(),
    expired: false,
    expires_at: readExpiresAt(readInteger(params, 'expires_at'), `${paramPrefix}expires_at`),
    file: file.id,
    livemode: false,
    metadata: applyMetadata({}, params),
    url: `${publicBaseUrl()}${FILE_LINK_PREFIX}${randomAlphanumeric(48)}`,
  };
  context.account.put('file_link', link);
  return link;
}

function upload(context: RequestContext): Stripe.File {
  const { account, params } = context;
  const purpose = readString(params, 'purpose')!;
  const uploaded = context.uploads?.file;
  if (!uploaded) throw parameterMissing('file');
  const rules = PURPOSE_RULES[purpose];
  if (!rules) throw invalidRequest(`The sandbox does not accept uploads with purpose \`${purpose}\`.`, { param: 'purpose' });
  if (uploaded.data.length === 0) throw invalidRequest('The file you uploaded is empty.', { param: 'file' });
  const kind = sniffKind(uploaded.data, uploaded.declaredType);
  if (!kind || !rules.kinds.includes(kind)) {
    throw invalidRequest(
      `We don't currently support that file type. Try uploading a file with one of the following mimetypes: ${rules.kinds.map(mimeTypeOf).join(', ')}.`,
      { param: 'file' },
    );
  }
  if (uploaded.data.length > rules.maxBytes) {
    throw invalidRequest(
      `The file you uploaded is too large (${formatMegabytes(uploaded.data.length)}); files with purpose \`${purpose}\` can be at most ${formatMegabytes(rules.maxBytes)}.`,
      { param: 'file' },
    );
  }
  const created = nowSeconds();
  const id = newId('file');
  const file: Stripe.File = {
    id,
    object: 'file',
    created,
    expires_at: rules.expiresAfter === null ? null : created + rules.expiresAfter,
    filename: uploaded.filename || id,
    links: null,
    purpose: purpose as Stripe.File.Purpose,
    size: uploaded.data.length,
    title: null,
    type: kind,
    url: rules.downloadable ? contentsUrl(id) : null,
  };
  const linkData = readObject(params, 'file_link_data');
  const wantsLink = linkData !== undefined && readBoolean(linkData, 'create') === true;
  if (wantsLink && !rules.downloadable) {
    throw invalidRequest(`Files with purpose \`${purpose}\` cannot be shared with a file link.`, { param: 'file_link_data[create]' });
  }
  account.put('file_content', { id, object: 'file_content', mimeType: mimeTypeOf(kind), base64: uploaded.data.toString('base64') });
  account.put('file', file);
  if (wantsLink) createLink(context, file, linkData, 'file_link_data[');
  const rendered = renderFile(account, file);
  recordEvent(context, 'file.created', rendered);
  return rendered;
}

function updateLink(context: RequestContext): Stripe.FileLink {
  const { account, params } = context;
  const id = context.pathParams.link!;
  const before = account.get('file_link', id);
  if (!before) throw resourceMissing('file link', id, 'link');
  if (renderLink(before).expired) throw invalidRequest('This file link has expired and can no longer be updated.', { param: 'link' });
  let expiresAt = before.expires_at;
  const raw = params.expires_at;
  if (raw === 'now') expiresAt = nowSeconds();
  else if (raw === '') expiresAt = null;
  else if (typeof raw === 'number') expiresAt = readExpiresAt(raw, 'expires_at');
  const after: Stripe.FileLink = { ...before, expires_at: expiresAt, metadata: applyMetadata(before.metadata, params) };
  account.put('file_link', after);
  return renderLink(after);
}

export const files: ResourceModule = {
  expandable: { file_link: { file: 'file' } },
  routes: [
    { operation: 'POST /v1/files', handle: upload },
    { operation: 'GET /v1/files/{file}', handle: (c) => renderFile(c.account, findFile(c.account, c.pathParams.file!)) },
    {
      operation: 'GET /v1/files',
      handle(context) {
        const purpose = readString(context.params, 'purpose');
        const page = paginate(context, context.account.all('file'), {
          noun: 'file',
          filter: (file) => purpose === undefined || file.purpose === purpose,
        });
        return { ...page, data: page.data.map((file) => renderFile(context.account, file)) };
      },
    },
    {
      operation: 'POST /v1/file_links',
      handle(context) {
        const file = findFile(context.account, readString(context.params, 'file')!);
        if (file.expires_at !== null && file.expires_at <= nowSeconds()) {
          throw invalidRequest('This file has expired and can no longer be linked.', { param: 'file' });
        }
        return createLink(context, file, context.params, '');
      },
    },
    {
      operation: 'GET /v1/file_links/{link}',
      handle(context) {
        const link = context.account.get('file_link', context.pathParams.link!);
        if (!link) throw resourceMissing('file link', context.pathParams.link!, 'link');
        return renderLink(link);
      },
    },
    { operation: 'POST /v1/file_links/{link}', handle: updateLink },
    {
      operation: 'GET /v1/file_links',
      handle(context) {
        const fileId = readString(context.params, 'file');
        const expired = readBoolean(context.params, 'expired');
        const links = context.account.all('file_link').map(renderLink);
        return paginate(context, links, {
          noun: 'file_link',
          filter: (link) => (fileId === undefined || link.file === fileId) && (expired === undefined || link.expired === expired),
        });
      },
    },
  ],
};
