import { describe, expect, it } from 'vitest';
import { detectEvidenceFileType, EVIDENCE_FILE_MAX_BYTES, evidenceFileProblem } from './evidence-file-type';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('evidence files', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(detectEvidenceFileType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(detectEvidenceFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectEvidenceFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses other content whatever it is called, empty files and files above 5 MB', () => {
    expect(detectEvidenceFileType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(evidenceFileProblem({ size: 10, head: new TextEncoder().encode('<html>') })).toMatch(/^Only PDF, JPEG or PNG/);
    expect(evidenceFileProblem({ size: 0, head: bytes() })).toBe('The file is empty.');
    expect(evidenceFileProblem({ size: EVIDENCE_FILE_MAX_BYTES + 1, head: new TextEncoder().encode('%PDF-') })).toMatch(/at most 5 MB/);
    expect(evidenceFileProblem({ size: EVIDENCE_FILE_MAX_BYTES, head: new TextEncoder().encode('%PDF-') })).toBeNull();
  });
});
