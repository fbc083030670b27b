// The dispute update's parameters as the SDK (23.1.0) types them: the 2023 spec's evidence fields with
// Stripe's documented limits, plus `evidence.enhanced_evidence`, `evidence.appeal` and
// `intended_submission_method`, which the spec lacks.
import type { ParamSchema } from '../params/param-schema';

const short: ParamSchema = { t: 'string', max: 5000 };
/** Stripe documents "a maximum character count of 20,000" for the explanatory text fields. */
const long: ParamSchema = { t: 'string', max: 20000 };
const fileId: ParamSchema = { t: 'string', max: 5000 };
const anything: ParamSchema = { t: 'any' };

/** Text fields counted towards Stripe's combined limit of 150,000 characters. */
export const EVIDENCE_TEXT_FIELDS = {
  access_activity_log: long,
  billing_address: short,
  cancellation_policy_disclosure: long,
  cancellation_rebuttal: long,
  customer_email_address: short,
  customer_name: short,
  customer_purchase_ip: short,
  duplicate_charge_explanation: long,
  duplicate_charge_id: short,
  product_description: long,
  refund_policy_disclosure: long,
  refund_refusal_explanation: long,
  service_date: short,
  shipping_address: short,
  shipping_carrier: short,
  shipping_date: short,
  shipping_tracking_number: short,
  uncategorized_text: long,
} satisfies Record<string, ParamSchema>;

/** Fields holding a File id (`file_…`, purpose `dispute_evidence`). */
export const EVIDENCE_FILE_FIELDS = {
  cancellation_policy: fileId,
  customer_communication: fileId,
  customer_signature: fileId,
  duplicate_charge_documentation: fileId,
  receipt: fileId,
  refund_policy: fileId,
  service_documentation: fileId,
  shipping_documentation: fileId,
  uncategorized_file: fileId,
} satisfies Record<string, ParamSchema>;

export const DISPUTE_UPDATE_PARAM_OVERRIDES: Record<string, ParamSchema> = {
  evidence: {
    t: 'object',
    props: { ...EVIDENCE_TEXT_FIELDS, ...EVIDENCE_FILE_FIELDS, appeal: anything, enhanced_evidence: anything },
  },
  intended_submission_method: { t: 'string', enum: ['manual', 'prefer_manual', 'prefer_smart_disputes', 'smart_disputes'] },
};
