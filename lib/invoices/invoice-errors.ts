// Invoice refusals in words: said before Stripe is asked, so nothing changes.
import 'server-only';
import { ActionError } from '@/lib/actions/action-error';

const STATUS_WORDS: Record<string, string> = {
  draft: 'still a draft',
  open: 'open',
  paid: 'already paid',
  uncollectible: 'marked uncollectible',
  void: 'void',
};

export function invoiceWrongState(verb: string, status: string): ActionError {
  return new ActionError('conflict', `This invoice can't be ${verb}: it is ${STATUS_WORDS[status] ?? status}. Nothing was changed.`);
}
