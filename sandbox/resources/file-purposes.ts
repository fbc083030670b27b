// What Stripe accepts per file purpose (docs.stripe.com/file-upload): content types, size, expiry, download.
// dispute_evidence and the identity/account documents are as Stripe documents them; the rarer purposes
// follow the same table where Stripe lists them and stay conservative where it does not.

export type FileKind = 'pdf' | 'jpg' | 'png' | 'gif' | 'svg' | 'csv';

export interface PurposeRules {
  kinds: FileKind[];
  maxBytes: number;
  /** Seconds from creation until the file expires; null: never. */
  expiresAfter: number | null;
  /** Whether Stripe serves the contents back (a `url`), and so whether file links may point at it. */
  downloadable: boolean;
}

const KB = 1024;
const MB = 1024 * KB;
const DAY = 24 * 60 * 60;

export const PURPOSE_RULES: Record<string, PurposeRules> = {
  account_requirement: { kinds: ['pdf', 'jpg', 'png'], maxBytes: 16 * MB, expiresAfter: null, downloadable: false },
  additional_verification: { kinds: ['pdf', 'jpg', 'png'], maxBytes: 16 * MB, expiresAfter: null, downloadable: false },
  business_icon: { kinds: ['jpg', 'png', 'gif'], maxBytes: 512 * KB, expiresAfter: null, downloadable: true },
  business_logo: { kinds: ['jpg', 'png', 'gif'], maxBytes: 512 * KB, expiresAfter: null, downloadable: true },
  customer_signature: { kinds: ['jpg', 'png', 'svg'], maxBytes: 4 * MB, expiresAfter: 7 * DAY, downloadable: true },
  dispute_evidence: { kinds: ['pdf', 'jpg', 'png'], maxBytes: 5 * MB, expiresAfter: 9 * 30 * DAY, downloadable: true },
  identity_document: { kinds: ['pdf', 'jpg', 'png'], maxBytes: 16 * MB, expiresAfter: null, downloadable: false },
  pci_document: { kinds: ['pdf'], maxBytes: 16 * MB, expiresAfter: null, downloadable: true },
  tax_document_user_upload: { kinds: ['pdf', 'jpg', 'png', 'csv'], maxBytes: 16 * MB, expiresAfter: null, downloadable: true },
  terminal_reader_splashscreen: { kinds: ['jpg', 'png', 'gif'], maxBytes: 2 * MB, expiresAfter: null, downloadable: true },
};

const MIME_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  csv: 'text/csv',
};

export const mimeTypeOf = (kind: FileKind): string => MIME_TYPES[kind];

/** The file's real kind from its first bytes (as Stripe judges by content, not by the name or declared type). */
export function sniffKind(data: Buffer, declaredType: string | null): FileKind | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  const head = data.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  const text = data.subarray(0, 512).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(text)) return 'svg';
  // CSV has no signature: trust a declared text/csv when the bytes are printable text.
  if (declaredType?.toLowerCase().startsWith('text/csv') && !data.subarray(0, 512).includes(0)) return 'csv';
  return null;
}
