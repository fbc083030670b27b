// The plain dispute data pages show, built from Stripe's Dispute.
import type Stripe from 'stripe';
import { isOpenDispute } from './due-urgency';
import { evidenceValues, type EvidenceFieldName } from './evidence-fields';

export interface DisputeView {
  id: string;
  /** Stripe's status as last read (from the projection or Stripe itself) */
  status: Stripe.Dispute.Status;
  reason: string;
  amount: number;
  currency: string;
  chargeId: string;
  paymentIntentId: string | null;
  /** Unix seconds; null once no response is possible */
  dueBy: number | null;
  isPastDue: boolean;
  hasEvidence: boolean;
  submissionCount: number;
  isInquiry: boolean;
  /** evidence can still be staged or submitted */
  isOpen: boolean;
  evidence: Partial<Record<EvidenceFieldName, string>>;
  created: number;
}

const idOf = (value: string | { id: string } | null): string | null => (value === null ? null : typeof value === 'string' ? value : value.id);

export function toDisputeView(dispute: Stripe.Dispute): DisputeView {
  return {
    id: dispute.id,
    status: dispute.status,
    reason: dispute.reason,
    amount: dispute.amount,
    currency: dispute.currency,
    chargeId: idOf(dispute.charge) ?? '',
    paymentIntentId: idOf(dispute.payment_intent),
    dueBy: dispute.evidence_details?.due_by ?? null,
    isPastDue: dispute.evidence_details?.past_due ?? false,
    hasEvidence: dispute.evidence_details?.has_evidence ?? false,
    submissionCount: dispute.evidence_details?.submission_count ?? 0,
    isInquiry: dispute.status.startsWith('warning_'),
    isOpen: isOpenDispute(dispute.status),
    evidence: evidenceValues(dispute.evidence),
    created: dispute.created,
  };
}

export const DISPUTE_STATUS_LABELS: Record<string, string> = {
  needs_response: 'Needs response',
  warning_needs_response: 'Inquiry: needs response',
  under_review: 'Under review',
  warning_under_review: 'Inquiry: under review',
  won: 'Won',
  lost: 'Lost',
  warning_closed: 'Inquiry closed',
  prevented: 'Prevented',
};

export const disputeStatusLabel = (status: string): string => DISPUTE_STATUS_LABELS[status] ?? status;
