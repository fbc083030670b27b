'use server';
// Actions on one dispute: save a draft, submit the evidence, accept the loss. Each re-reads the dispute from Stripe.
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { acceptDisputeLoss } from '@/lib/disputes/accept-dispute-loss';
import { acceptDisputeLossSchema, evidenceOf, saveDisputeDraftSchema, submitDisputeEvidenceSchema } from '@/lib/disputes/dispute-input';
import { stageDisputeEvidence } from '@/lib/disputes/stage-dispute-evidence';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';

function revalidateDispute(disputeId: string) {
  revalidatePath('/disputes');
  revalidatePath(`/disputes/${disputeId}`);
}

export const saveDisputeDraftAction = validatedAction(
  { name: 'stage-dispute-evidence', permission: 'disputes:respond', schema: saveDisputeDraftSchema },
  async (input, { user }) => {
    const dispute = await stageDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.draftNonce, actor: user });
    revalidateDispute(input.disputeId);
    return dispute;
  },
);

export const submitDisputeEvidenceAction = validatedAction(
  { name: 'submit-dispute-evidence', permission: 'disputes:respond', schema: submitDisputeEvidenceSchema },
  async (input, { user }) => {
    const dispute = await submitDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.submitNonce, actor: user });
    revalidateDispute(input.disputeId);
    return dispute;
  },
);

export const acceptDisputeLossAction = validatedAction(
  { name: 'accept-dispute-loss', permission: 'disputes:respond', schema: acceptDisputeLossSchema },
  async (input, { user }) => {
    const dispute = await acceptDisputeLoss({ ...input, actor: user });
    revalidateDispute(input.disputeId);
    return dispute;
  },
);
