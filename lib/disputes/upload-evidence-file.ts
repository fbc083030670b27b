// Uploads one evidence file to Stripe Files (purpose dispute_evidence) after checking, by its bytes, that Stripe
// will take it; returns the `file_…` id the evidence field then holds. The same bytes for the same field upload once.
import 'server-only';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { disputeNotOpen } from './dispute-errors';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { isOpenDispute } from './due-urgency';
import { detectEvidenceFileType, evidenceFileProblem, EXTENSIONS } from './evidence-file-type';
import { isFileField } from './evidence-fields';

export interface UploadEvidenceFileOptions {
  disputeId: string;
  /** the evidence field the file is for, e.g. "receipt" */
  field: string;
  fileName: string;
  bytes: Uint8Array;
  actor: SessionUser;
}

export interface UploadedEvidenceFile {
  fileId: string;
  name: string;
  size: number;
  type: string;
}

/** A plain, short file name with the extension of what the bytes are. */
function cleanName(fileName: string, extension: string): string {
  const stem = basename(fileName.replace(/\\/g, '/')).replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^\w.\- ]+/g, '_').slice(0, 80) || 'evidence';
  return `${stem}.${extension}`;
}

export async function uploadEvidenceFile(options: UploadEvidenceFileOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<UploadedEvidenceFile> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const db = dependencies.db ?? defaultDb;
  if (!isFileField(options.field)) throw new ActionError('invalid_input', 'That is not an evidence field that takes a file.');
  const problem = evidenceFileProblem({ size: options.bytes.byteLength, head: options.bytes.subarray(0, 16) });
  if (problem) throw new ActionError('invalid_input', problem, { [options.field]: problem });
  const type = detectEvidenceFileType(options.bytes)!;

  const dispute = await stripe.disputes.retrieve(options.disputeId);
  if (!isOpenDispute(dispute.status)) throw disputeNotOpen(dispute.status, 'take evidence');

  const action = 'upload-dispute-evidence-file';
  const digest = createHash('sha256').update(options.bytes).digest('hex');
  const idempotencyKey = submissionIdempotencyKey({ action, objectId: options.disputeId, actor: options.actor, nonce: `${options.field}:${digest}` });
  const name = cleanName(options.fileName, EXTENSIONS[type]);
  const file = await stripe.files.create(
    { purpose: 'dispute_evidence', file: { data: Buffer.from(options.bytes), name, type } },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action,
      objectId: file.id,
      stripeRequestId: file.lastResponse.requestId,
      idempotencyKey,
      detail: { dispute: options.disputeId, field: options.field, name, size: file.size, type },
    },
    db,
  );
  return { fileId: file.id, name, size: file.size, type };
}
