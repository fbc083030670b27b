// POST /disputes/<id>/evidence-files: one evidence file (multipart `file` + `field`) → Stripe Files → `{ fileId }`.
// A route handler rather than a server action: server actions cap bodies at 1 MB, evidence files may be 5 MB.
import { z } from 'zod';
import { ActionError } from '@/lib/actions/action-error';
import { SOMETHING_WENT_WRONG } from '@/lib/actions/action-result';
import { can } from '@/lib/auth/permissions';
import { currentUser } from '@/lib/auth/require-role';
import { CROSS_ORIGIN_REFUSAL, isSameOriginRequest } from '@/lib/auth/same-origin';
import { disputeIdSchema } from '@/lib/disputes/dispute-input';
import { EVIDENCE_FILE_MAX_BYTES } from '@/lib/disputes/evidence-file-type';
import { uploadEvidenceFile } from '@/lib/disputes/upload-evidence-file';
import { describeStripeError } from '@/lib/stripe/errors';

const fieldSchema = z.string().regex(/^[a-z_]+$/);
/** Room for the multipart framing and the field name around a file of the largest allowed size. */
const BODY_LIMIT = EVIDENCE_FILE_MAX_BYTES + 64 * 1024;

const refuse = (status: number, code: string, message: string) => Response.json({ ok: false, code, message }, { status });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!isSameOriginRequest(request)) return Response.json(CROSS_ORIGIN_REFUSAL, { status: 403 });
  const user = await currentUser();
  if (!user) return refuse(401, 'unauthenticated', 'Your session has ended. Sign in again.');
  if (!can(user.role, 'disputes:respond')) return refuse(403, 'forbidden', 'Your role does not allow this.');
  const disputeId = disputeIdSchema.safeParse((await params).id);
  if (!disputeId.success) return refuse(404, 'not_found', 'No such dispute.');
  if (Number(request.headers.get('content-length') ?? 0) > BODY_LIMIT) {
    return refuse(413, 'invalid_input', 'The file is larger than 5 MB; Stripe accepts evidence files of at most 5 MB.');
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  const field = fieldSchema.safeParse(form?.get('field'));
  if (!(file instanceof File) || !field.success) return refuse(400, 'invalid_input', 'Choose a file to upload.');
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const uploaded = await uploadEvidenceFile({ disputeId: disputeId.data, field: field.data, fileName: file.name, bytes, actor: user });
    return Response.json({ ok: true, data: uploaded });
  } catch (error) {
    if (error instanceof ActionError) return refuse(error.code === 'conflict' ? 409 : 400, error.code, error.message);
    const stripeError = describeStripeError(error);
    if (stripeError?.isExpected) return refuse(400, stripeError.code, stripeError.message);
    console.error('[route upload-dispute-evidence-file] unexpected error', { userId: user.id, stripeRequestId: stripeError?.requestId, error });
    return refuse(500, 'unexpected', SOMETHING_WENT_WRONG);
  }
}
