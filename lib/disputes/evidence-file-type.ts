// What dispute evidence files may be, judged by their first bytes (as Stripe judges them), never by name or
// declared type. No 'server-only': the browser checks the same before uploading.

/** Stripe's limit for one `dispute_evidence` upload. */
export const EVIDENCE_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_FILE_ACCEPT = 'application/pdf,image/jpeg,image/png';

export type EvidenceFileType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { type: EvidenceFileType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The type the bytes are, or null when they are none of PDF, JPEG or PNG. */
export function detectEvidenceFileType(head: Uint8Array): EvidenceFileType | null {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, index) => head[index] === byte))?.type ?? null;
}

/** Why a file can't be dispute evidence, in words, or null when it can. */
export function evidenceFileProblem(file: { size: number; head: Uint8Array }): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > EVIDENCE_FILE_MAX_BYTES) return `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; Stripe accepts evidence files of at most 5 MB.`;
  if (!detectEvidenceFileType(file.head)) return 'Only PDF, JPEG or PNG files can be evidence, and this file is none of them (whatever its name says).';
  return null;
}

export const EXTENSIONS: Record<EvidenceFileType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
