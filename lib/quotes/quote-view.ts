// Quote statuses in words, and which actions each status allows.

export const QUOTE_STATUS_LABELS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  accepted: 'Accepted',
  canceled: 'Canceled',
};

const STATUS_WORDS: Record<string, string> = {
  draft: 'still a draft',
  open: 'open',
  accepted: 'already accepted',
  canceled: 'canceled',
};

export function describeQuoteStatus(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

export type QuoteTransition = 'finalize' | 'accept' | 'cancel';

/** The statuses Stripe lets each transition start from. */
export const TRANSITION_FROM: Record<QuoteTransition, readonly string[]> = {
  finalize: ['draft'],
  accept: ['open'],
  cancel: ['draft', 'open'],
};

export function canTransition(transition: QuoteTransition, status: string): boolean {
  return TRANSITION_FROM[transition].includes(status);
}
