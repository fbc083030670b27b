// Reads a request body and decodes it: form encoding for the API, multipart/form-data for file uploads.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decodeForm } from './form-decode';
import type { FormObject } from './form-value';
import { invalidRequest, StripeApiError } from './stripe-error';

/** Form-encoded API requests are small; uploads may carry Stripe's largest file (16 MB) plus the multipart framing. */
const MAX_FORM_BYTES = 1 << 20;
const MAX_UPLOAD_BYTES = 16 * 1024 * 1024 + 64 * 1024;

export interface UploadedFile {
  /** The part's `filename`, as the client named the file. */
  filename: string;
  /** The part's declared Content-Type; the sandbox decides the real type from the bytes. */
  declaredType: string | null;
  data: Buffer;
}

export interface DecodedBody {
  form: FormObject;
  /** Multipart file parts by field name (`file`). */
  uploads: Record<string, UploadedFile>;
}

export function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const isMultipart = /^multipart\/form-data/i.test(request.headers['content-type'] ?? '');
  const limit = isMultipart ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new StripeApiError(413, { type: 'invalid_request_error', message: 'Request body too large.' }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function decodeRequestBody(contentType: string | undefined, body: Buffer): DecodedBody {
  const boundary = /^multipart\/form-data\s*;.*?boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) return { form: decodeForm(body.toString('utf8')), uploads: {} };
  return decodeMultipart(body, boundary);
}

interface Part {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

function parseHeaders(block: string): { name: string | null; filename: string | null; contentType: string | null } {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1] ?? null;
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1] ?? null;
    } else if (header === 'content-type') {
      contentType = value;
    }
  }
  return { name, filename, contentType };
}

function splitParts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw invalidRequest('The multipart body has no parts.');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const next = body.indexOf(delimiter, afterDelimiter);
    if (headersEnd < 0 || next < 0) throw invalidRequest('The multipart body is truncated.');
    const headers = parseHeaders(body.subarray(afterDelimiter + 2, headersEnd).toString('utf8'));
    if (!headers.name) throw invalidRequest('A multipart part has no name.');
    // The part's data ends at the CRLF that precedes the next delimiter.
    parts.push({ name: headers.name, filename: headers.filename, contentType: headers.contentType, data: body.subarray(headersEnd + 4, next - 2) });
    start = next;
  }
  return parts;
}

function decodeMultipart(body: Buffer, boundary: string): DecodedBody {
  const fields = new URLSearchParams();
  const uploads: Record<string, UploadedFile> = {};
  for (const part of splitParts(body, boundary)) {
    if (part.filename === null) {
      fields.append(part.name, part.data.toString('utf8'));
      continue;
    }
    uploads[part.name] = { filename: part.filename, declaredType: part.contentType, data: Buffer.from(part.data) };
    // The parameter itself carries the content's digest: an idempotent retry of the same upload matches,
    // a different file under the same Idempotency-Key does not.
    fields.append(part.name, createHash('sha256').update(part.data).digest('hex'));
  }
  return { form: decodeForm(fields.toString()), uploads };
}
